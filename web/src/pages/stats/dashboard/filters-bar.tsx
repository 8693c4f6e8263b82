import { Breadcrumb, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { OrgDto } from '../../../api/orgs.ts';
import type { DashboardDto } from '../../../api/stats.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { periodParams, type PeriodSel } from '../shared/period.ts';
import { PeriodPicker } from '../shared/period-picker.tsx';

interface Props {
  today: string;
  period: PeriodSel;
  onPeriod: (sel: PeriodSel) => void;
  /** The units the caller may look at (the own unit and those inside it). */
  orgs: readonly OrgDto[];
  orgCode: string;
  rootCode: string;
  onOrg: (code: string | undefined) => void;
  /** The dashboard shown, for the line of days compared. */
  data: DashboardDto | undefined;
}

/** The dashboard's address for a unit in the same period (breadcrumb links can be opened in a new tab). */
export function dashboardHref(period: PeriodSel, code: string | undefined): string {
  const p = new URLSearchParams({ ...periodParams(period), ...(code ? { orgCode: code } : {}) });
  const qs = p.toString();
  return qs ? `/stats?${qs}` : '/stats';
}

/** Period (月 / 季度 / 年 / 自定义) and jurisdiction pickers, the path down to the unit shown, the days compared. */
export function FiltersBar({ today, period, onPeriod, orgs, orgCode, rootCode, onOrg, data }: Props) {
  const st = useStatsT();
  // The path from the caller's unit down to the one shown.
  const path = useMemo(() => {
    const byCode = new Map(orgs.map((o) => [o.code, o]));
    const out: OrgDto[] = [];
    for (let o = byCode.get(orgCode); o; o = o.parentCode ? byCode.get(o.parentCode) : undefined) {
      out.unshift(o);
      if (o.code === rootCode) break;
    }
    return out;
  }, [orgs, orgCode, rootCode]);

  return (
    <div className="fz-st-bar" data-testid="stats-filters">
      <div className="fz-filters fz-st-filters">
        <PeriodPicker today={today} period={period} onPeriod={onPeriod} testId="stats-period" />
        <div className="fz-st-org">
          <OrgTreeSelect orgs={orgs} value={orgCode} onChange={(code) => onOrg(code === rootCode ? undefined : code)} testId="stats-org" placeholder={st('stats.org.label')} />
        </div>
      </div>
      {path.length > 1 && (
        <Breadcrumb
          className="fz-st-path"
          data-testid="stats-path"
          items={path.map((o, i) => ({
            key: o.code,
            title:
              i === path.length - 1 ? (
                <span data-testid="stats-path-current">{o.name}</span>
              ) : (
                <Link to={dashboardHref(period, o.code === rootCode ? undefined : o.code)} data-testid={`stats-path-${o.code}`}>
                  {o.name}
                </Link>
              ),
          }))}
        />
      )}
      {data && (
        <Typography.Text type="secondary" className="fz-small" data-testid="stats-period-line" data-first={data.period.firstDay} data-last={data.period.lastDay}>
          {st('stats.period.line', { from: data.period.firstDay, to: data.period.lastDay })}
          {' · '}
          {st('stats.period.compare', {
            lyFrom: data.period.lastYear.firstDay,
            lyTo: data.period.lastYear.lastDay,
            pvFrom: data.period.previous.firstDay,
            pvTo: data.period.previous.lastDay,
          })}
        </Typography.Text>
      )}
    </div>
  );
}
