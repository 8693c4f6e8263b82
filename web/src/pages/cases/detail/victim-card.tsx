import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag, type DescriptionsProps } from 'antd';
import type { CaseDetailDto } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';

/** The victim, masked until the audited reveal. */
export function VictimCard({ victim, revealed, onReveal, revealing }: { victim: CaseDetailDto['victim']; revealed: boolean; onReveal: () => void; revealing: boolean }) {
  const t = useT();
  const none = t('common.none');
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('cases.victim.name'), children: <span data-testid="case-victim-name">{victim.name ?? none}</span> },
    { key: 'phone', label: t('cases.victim.phone'), children: <span data-testid="case-victim-phone">{victim.phone ?? none}</span> },
    { key: 'id', label: t('cases.victim.idNumber'), children: victim.idNumber ?? none },
    { key: 'age', label: t('cases.victim.age'), children: victim.age ?? none },
    { key: 'occupation', label: t('cases.victim.occupation'), children: victim.occupation ?? none },
  ];
  return (
    <Card
      variant="borderless"
      size="small"
      title={t('cases.detail.victim')}
      className="fz-cs-block"
      extra={
        revealed ? (
          <Tag color="orange">{t('cases.reveal.revealed')}</Tag>
        ) : (
          <Button size="small" icon={<EyeOutlined />} onClick={onReveal} loading={revealing} data-testid="case-reveal">
            {t('cases.reveal.button')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={1} items={items} data-testid="case-victim" />
    </Card>
  );
}
