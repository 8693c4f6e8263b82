import { Button, Card, Result, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { MODULE_ICONS } from '../../layout/module-icons.tsx';
import { moduleAccess, type BusinessModule } from '../../layout/modules.ts';
import { ForbiddenPage } from '../status-pages.tsx';

/** A business module that is not built yet: says so plainly and what it will do. */
export function ModulePlaceholder({ module }: { module: BusinessModule }) {
  const me = useCurrentUser();
  const t = useT();
  const access = moduleAccess(me.role, module);
  if (!access) return <ForbiddenPage />;
  return (
    <Card variant="borderless" data-testid={`module-${module}`}>
      <Result
        icon={<span className="fz-module-icon">{MODULE_ICONS[module]}</span>}
        title={t(`nav.${module}`)}
        subTitle={t('module.upcoming')}
        extra={
          <Link to="/">
            <Button type="primary">{t('module.backHome')}</Button>
          </Link>
        }
      >
        <div className="fz-module-body">
          <Typography.Paragraph>{t(`module.${module}.desc`)}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('module.yourAccess')}
            <Tag color={access === 'rw' ? 'green' : 'default'}>{t(access === 'rw' ? 'module.access.rw' : 'module.access.ro')}</Tag>
          </Typography.Text>
        </div>
      </Result>
    </Card>
  );
}
