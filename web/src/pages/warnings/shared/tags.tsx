import { Tag } from 'antd';
import type { WarningLevel, WarningStatus } from '../../../../../src/modules/warnings/warning-workflow.ts';
import { useT } from '../../../i18n/lang-context.tsx';

export const LEVEL_COLORS: Record<WarningLevel, string> = { emergency: 'red', high: 'orange', normal: 'blue' };

const STATUS_COLORS: Record<WarningStatus, string> = {
  received: 'purple',
  dispatched: 'gold',
  acknowledged: 'cyan',
  in_progress: 'processing',
  closed: 'default',
};

export function LevelTag({ level }: { level: WarningLevel }) {
  const t = useT();
  return (
    <Tag color={LEVEL_COLORS[level]} variant="solid" data-level={level}>
      {t(`warnings.level.${level}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: WarningStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(`warnings.status.${status}`)}
    </Tag>
  );
}
