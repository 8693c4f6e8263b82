import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/lang-context.tsx';

function BackHome() {
  const t = useT();
  return (
    <Link to="/">
      <Button type="primary">{t('module.backHome')}</Button>
    </Link>
  );
}

export function ForbiddenPage() {
  const t = useT();
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.subtitle')} extra={<BackHome />} data-testid="forbidden" />;
}

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.subtitle')} extra={<BackHome />} data-testid="not-found" />;
}
