import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import type { CaseDetailDto } from '../../../api/cases.ts';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { useT } from '../../../i18n/lang-context.tsx';
import { canAssign } from '../shared/access.ts';
import { AssignModal } from './assign-modal.tsx';

/** 三定一盯: the responsible unit (定责), the investigator (定人) and the leader who watches it (一盯). */
export function AssignmentCard({ c }: { c: CaseDetailDto }) {
  const me = useCurrentUser();
  const t = useT();
  const [open, setOpen] = useState(false);
  const none = t('cases.assign.nobody');
  const items: DescriptionsProps['items'] = [
    { key: 'unit', label: t('cases.assign.unit'), children: <span data-testid="case-unit">{c.orgName}</span> },
    { key: 'investigator', label: t('cases.assign.investigator'), children: <span data-testid="case-investigator">{c.investigator?.name ?? none}</span> },
    { key: 'leader', label: t('cases.assign.leader'), children: <span data-testid="case-leader">{c.leader?.name ?? none}</span> },
  ];
  const closed = c.nextStatuses.length === 0;
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('cases.assign.title')}
      className="fz-cs-block"
      extra={
        canAssign(me.role) &&
        !closed && (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setOpen(true)} data-testid="case-assign">
            {c.investigator ? t('cases.assign.change') : t('cases.assign.button')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={1} items={items} />
      {open && <AssignModal c={c} onClose={() => setOpen(false)} />}
    </Card>
  );
}
