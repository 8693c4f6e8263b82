import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { listAudit, type AuditQuery } from '../../../api/audit.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { PageHeader } from '../../../layout/page-header.tsx';
import { AuditFilters, type AuditFilter } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';
import { useVerifyChain, VerifyButton, VerifyResultAlert } from './verify-chain.tsx';

export function AuditPage() {
  const t = useT();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const verify = useVerifyChain();

  const query: AuditQuery = {
    action: filter.action,
    actor: filter.actor,
    // With their offset, as the server's schema requires.
    from: filter.range?.[0].format(),
    to: filter.range?.[1].format(),
    ...paging,
  };
  const audit = useQuery({ queryKey: ['audit', query], queryFn: () => listAudit(query), placeholderData: keepPreviousData });

  return (
    <div data-testid="page-audit">
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void audit.refetch()} loading={audit.isFetching} aria-label={t('common.refresh')} />
            <VerifyButton verify={verify} />
          </Space>
        }
      />
      {verify.data && <VerifyResultAlert result={verify.data} onClose={() => verify.reset()} />}
      <Card variant="borderless" size="small">
        <AuditFilters
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <AuditTable
          rows={audit.data?.items ?? []}
          total={audit.data?.total ?? 0}
          page={paging.page}
          pageSize={paging.pageSize}
          loading={audit.isFetching}
          onPage={(page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })}
        />
      </Card>
    </div>
  );
}
