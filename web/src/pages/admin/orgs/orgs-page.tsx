import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/lang-context.tsx';
import { PageHeader } from '../../../layout/page-header.tsx';
import { useNarrow } from '../../../layout/use-narrow.ts';
import { errorText } from '../../../lib/notify.ts';
import { useOrgs } from '../use-orgs.ts';
import { OrgCreateModal } from './org-create-modal.tsx';
import { OrgDetail } from './org-detail.tsx';
import { OrgEditModal } from './org-edit-modal.tsx';
import { OrgTreePanel } from './org-tree-panel.tsx';

export function OrgsPage() {
  const t = useT();
  const narrow = useNarrow();
  const orgs = useOrgs();
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'create' | 'edit' | null>(null);
  const list = orgs.data ?? [];
  // Until the admin picks one, the root of their scope is shown.
  const current = list.find((o) => o.code === selected) ?? list.find((o) => !o.parentCode || !list.some((p) => p.code === o.parentCode));

  return (
    <div data-testid="page-orgs">
      <PageHeader
        title={t('orgs.title')}
        intro={t('orgs.intro')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void orgs.refetch()} loading={orgs.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      {orgs.isError && <Alert type="error" showIcon title={errorText(orgs.error)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card variant="borderless" size="small">
            {orgs.isPending ? <Skeleton active /> : <OrgTreePanel orgs={list} selected={current?.code ?? null} onSelect={setSelected} height={narrow ? 360 : 600} />}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          <Card variant="borderless" size="small" title={t('orgs.detail')}>
            {orgs.isPending ? <Skeleton active /> : <OrgDetail org={current} orgs={list} onAddChild={() => setDialog('create')} onEdit={() => setDialog('edit')} />}
          </Card>
        </Col>
      </Row>
      {dialog === 'create' && current && (
        <OrgCreateModal
          parent={current}
          orgs={list}
          onClose={() => setDialog(null)}
          onCreated={(o) => {
            setDialog(null);
            setSelected(o.code);
          }}
        />
      )}
      {dialog === 'edit' && current && <OrgEditModal org={current} onClose={() => setDialog(null)} />}
    </div>
  );
}
