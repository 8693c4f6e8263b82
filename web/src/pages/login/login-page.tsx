import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { fetchMe, login } from '../../api/auth.ts';
import { hasSessionHint, setSessionHint } from '../../auth/session-hint.ts';
import { ME_KEY } from '../../auth/use-session.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { LangSwitch } from '../../layout/lang-switch.tsx';
import { errorText } from '../../lib/notify.ts';

interface LoginForm {
  username: string;
  password: string;
}

function returnPath(state: unknown): string {
  const from = typeof state === 'object' && state !== null ? (state as { from?: unknown }).from : undefined;
  // Only paths inside the app: never an absolute URL somebody put into the history state.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const target = returnPath(location.state);

  // Whatever the previous user left in the cache must not show to the next one.
  useEffect(() => {
    if (!hasSessionHint()) queryClient.clear();
  }, [queryClient]);

  const signIn = useMutation({
    mutationFn: async (v: LoginForm) => {
      await login(v.username.trim(), v.password);
      setSessionHint(true);
      return queryClient.query({ queryKey: ME_KEY, queryFn: fetchMe });
    },
    onSuccess: () => void navigate(target, { replace: true }),
    meta: { handlesError: true },
  });

  if (hasSessionHint() && !signIn.isPending && !signIn.isSuccess) return <Navigate to={target} replace />;

  return (
    <div className="fz-login">
      <div className="fz-login-lang">
        <LangSwitch size="middle" />
      </div>
      <Card className="fz-login-card" data-testid="login-card">
        <div className="fz-login-brand">
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} className="fz-login-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        <Form<LoginForm> name="login" layout="vertical" requiredMark={false} onFinish={(v) => signIn.mutate(v)} disabled={signIn.isPending} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {signIn.isError && <Alert type="error" showIcon title={errorText(signIn.error)} className="fz-login-error" data-testid="login-error" />}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="fz-login-notice">
          {t('login.notice')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
