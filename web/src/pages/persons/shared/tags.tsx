import { Tag } from 'antd';
import type { PersonCategory, PersonStatus } from '../../../api/persons.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { categoryLabel, statusLabel } from './labels.ts';

const STATUS_COLORS: Record<PersonStatus, string> = {
  stranded: 'red',
  contacted: 'orange',
  returning: 'gold',
  returned: 'green',
  surrendered: 'cyan',
  under_control: 'blue',
  released: 'default',
};

const CATEGORY_COLORS: Record<PersonCategory, string> = {
  stranded_abroad: 'volcano',
  returnee: 'geekblue',
  illegal_crossing: 'magenta',
  fraud_record: 'purple',
  two_card: 'lime',
};

export function PersonStatusTag({ status }: { status: PersonStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-person-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: PersonCategory }) {
  const t = useT();
  return (
    <Tag color={CATEGORY_COLORS[category]} variant="outlined" data-person-category={category}>
      {categoryLabel(t, category)}
    </Tag>
  );
}
