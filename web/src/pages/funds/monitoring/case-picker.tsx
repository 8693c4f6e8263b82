import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { listCases, type CaseQuery } from '../../../api/cases.ts';
import { useT } from '../../../i18n/lang-context.tsx';
import { caseListKey } from '../../cases/shared/keys.ts';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import { yuan } from '../../cases/shared/money.ts';

const TYPE_DELAY_MS = 300;

/**
 * The case the stopped money belongs to: the latest open cases of the caller's jurisdiction, or the one whose
 * full case number, victim phone or victim name is typed (the cases list matches those exactly).
 */
export function CasePicker({ value, onChange, testId }: { value?: number | undefined; onChange?: ((id: number | undefined) => void) | undefined; testId: string }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), TYPE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const query: CaseQuery = search ? { q: search, page: 1, pageSize: 20 } : { status: 'open', page: 1, pageSize: 20 };
  const cases = useQuery({ queryKey: caseListKey(query), queryFn: () => listCases(query) });
  return (
    <Select<number>
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      loading={cases.isFetching}
      placeholder={t('risk.outcome.casePlaceholder')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={(cases.data?.items ?? []).map((c) => ({
        value: c.id,
        label: t('risk.outcome.caseOption', { caseNo: c.caseNo, type: c.fraudType ? fraudTypeLabel(t, c.fraudType) : t('common.none'), loss: yuan(c.lossAmount) }),
      }))}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
