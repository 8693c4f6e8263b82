import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, intro, extra }: { title: ReactNode; intro?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="fz-page-header">
      <div className="fz-page-header-text">
        <Typography.Title level={4} className="fz-page-title">
          {title}
        </Typography.Title>
        {intro && <Typography.Paragraph type="secondary" className="fz-page-intro">{intro}</Typography.Paragraph>}
      </div>
      {extra && <div className="fz-page-header-extra">{extra}</div>}
    </div>
  );
}
