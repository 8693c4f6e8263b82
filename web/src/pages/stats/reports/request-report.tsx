import { FileAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { OrgDto } from '../../../api/orgs.ts';
import { createReport, type ReportDto } from '../../../api/stats.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { OrgTreeSelect } from '../../admin/org-tree-select.tsx';
import { useStatsT } from '../i18n/use-stats-t.ts';
import { REPORTS_KEY } from '../shared/keys.ts';
import { apiRange, chinaToday, currentOf, defaultPeriod, type PeriodSel } from '../shared/period.ts';
import { PeriodPicker } from '../shared/period-picker.tsx';

/**
 * A report for a period and a unit of the caller's choosing (this month and the caller's own unit at first),
 * with the same pickers as the dashboard; its figures are fixed when it is made.
 */
export function RequestReport({ units, onMade }: { units: readonly OrgDto[]; onMade: (r: ReportDto) => void }) {
  const me = useCurrentUser();
  const st = useStatsT();
  const today = chinaToday();
  const [period, setPeriod] = useState<PeriodSel>(() => currentOf('month', today, defaultPeriod(today)));
  const [orgCode, setOrgCode] = useState<string>(me.orgCode);
  const queryClient = useQueryClient();
  const make = useMutation({
    mutationFn: () => createReport({ ...apiRange(period), orgCode: orgCode === me.orgCode ? undefined : orgCode }),
    onSuccess: async (r) => {
      showSuccess(st('stats.reports.created', { title: r.title }));
      await queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
      onMade(r);
    },
    onError: showError,
    meta: { handlesError: true },
  });
  return (
    <Card variant="borderless" size="small" title={st('stats.reports.request')} data-testid="report-request">
      <Typography.Paragraph type="secondary" className="fz-small">
        {st('stats.reports.requestHint')}
      </Typography.Paragraph>
      <div className="fz-st-request">
        <PeriodPicker today={today} period={period} onPeriod={setPeriod} testId="report-period" />
        <div className="fz-st-org">
          <OrgTreeSelect orgs={units} value={orgCode} onChange={(code) => setOrgCode(code ?? me.orgCode)} testId="report-org" placeholder={st('stats.reports.org')} />
        </div>
        <Button type="primary" icon={<FileAddOutlined />} loading={make.isPending} onClick={() => make.mutate()} data-testid="report-submit">
          {st('stats.reports.submit')}
        </Button>
      </div>
    </Card>
  );
}
