import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/lang-context.tsx';
import { PageHeader } from '../../layout/page-header.tsx';
import { SettingsCard } from './settings/settings-card.tsx';
import './warnings.css';

/** The administrator's side of warnings: deadlines and repeat window, and the way to the bulk import. */
export function WarningsAdminPage() {
  const t = useT();
  return (
    <div data-testid="page-warnings-admin">
      <PageHeader title={t('warnings.admin.title')} intro={t('warnings.admin.intro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <SettingsCard />
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" size="small" title={t('warnings.admin.importCard')}>
            <Typography.Paragraph type="secondary">{t('warnings.admin.importBody')}</Typography.Paragraph>
            <Link to="/warnings/import">
              <Button type="primary" icon={<ImportOutlined />}>
                {t('warnings.admin.importGo')}
              </Button>
            </Link>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
