import { Typography } from 'antd';
import type { WarningSummaryDto } from '../../../api/warnings.ts';

/** Masked name and phone as the list delivers them; the full values need the audited reveal on the detail. */
export function VictimCell({ w }: { w: WarningSummaryDto }) {
  return (
    <span className="fz-wn-victim">
      {w.victimName && <span>{w.victimName}</span>}
      <Typography.Text type="secondary" className="fz-nowrap">
        {w.victimPhone}
      </Typography.Text>
    </span>
  );
}
