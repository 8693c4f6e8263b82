import { useT } from '../../../i18n/lang-context.tsx';
import { traceStatusLabel } from '../shared/labels.ts';
import { LEGEND, traceColor } from './trace-colors.ts';

export function TraceLegend() {
  const t = useT();
  return (
    <div className="fz-cs-legend" data-testid="trace-legend">
      {LEGEND.map((s) => (
        <span key={s} className="fz-cs-legend-item">
          <span className="fz-cs-legend-dot" style={{ background: traceColor(s) }} />
          {traceStatusLabel(t, s)}
        </span>
      ))}
      <span className="fz-cs-legend-item fz-cs-legend-note">{t('cases.trace.legendNote')}</span>
    </div>
  );
}
