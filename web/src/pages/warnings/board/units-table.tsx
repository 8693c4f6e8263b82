import { Table, Typography, type TableColumnsType } from 'antd';
import { WARNING_LEVELS } from '../../../../../src/modules/warnings/warning-workflow.ts';
import type { Board } from '../../../api/warnings.ts';
import { useT } from '../../../i18n/lang-context.tsx';

type UnitRow = Board['units'][number];

const danger = (n: number) => (n > 0 ? <Typography.Text type="danger" strong>{n}</Typography.Text> : n);

/** The units directly below the caller's root: counties for the city, stations for a county, grids for a station. */
export function UnitsTable({ units, own }: { units: UnitRow[]; own: UnitRow | null }) {
  const t = useT();
  const columns: TableColumnsType<UnitRow> = [
    { key: 'unit', title: t('warnings.board.unit'), dataIndex: 'orgName', fixed: 'start' },
    ...WARNING_LEVELS.map((l) => ({ key: l, title: t(`warnings.level.${l}`), align: 'right' as const, render: (_v: unknown, u: UnitRow) => u.open[l] })),
    { key: 'total', title: t('warnings.board.total'), align: 'right', render: (_v, u) => <strong>{WARNING_LEVELS.reduce((n, l) => n + u.open[l], 0)}</strong> },
    { key: 'overdue', title: t('warnings.board.overdue'), align: 'right', dataIndex: 'overdue', render: danger },
    { key: 'soon', title: t('warnings.board.dueWithinHour'), align: 'right', dataIndex: 'dueWithinHour' },
  ];
  return (
    <Table<UnitRow>
      data-testid="board-units"
      rowKey="orgCode"
      size="small"
      columns={columns}
      dataSource={own ? [...units, own] : units}
      pagination={false}
      className="fz-nowrap-table"
      scroll={{ x: 'max-content' }}
    />
  );
}
