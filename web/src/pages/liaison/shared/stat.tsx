import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';

/** One figure as a small card; data-value carries it for the browser tests. */
export function Stat({ testId, title, value, tone, suffix }: { testId: string; title: ReactNode; value: number | undefined; tone?: 'danger' | 'success' | undefined; suffix?: ReactNode }) {
  const color = tone === 'danger' && value ? '#cf1322' : tone === 'success' ? '#389e0d' : undefined;
  return (
    <Card size="small" className="fz-stat-card" data-testid={testId} data-value={value ?? ''}>
      <Statistic title={title} value={value ?? '—'} suffix={suffix} styles={{ content: color ? { color } : undefined }} />
    </Card>
  );
}
