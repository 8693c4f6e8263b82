import { Card, Tag, Typography } from 'antd';
import type { Me } from '../../api/auth.ts';
import type { HomeDto } from '../../api/home.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { kindLabel, roleLabel } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/zh.ts';
import { displayNameOf } from '../../layout/user-badge.tsx';

function greetingKey(hour: number): MessageKey {
  if (hour < 12) return 'greet.morning';
  if (hour < 18) return 'greet.afternoon';
  return 'greet.evening';
}

export function Greeting({ me, home }: { me: Me; home: HomeDto | undefined }) {
  const t = useT();
  // The scope comes from the home summary (a liaison's scope is the institution above their branch);
  // until it has loaded, the user's own organisation stands in.
  const scopeName = home?.scope.name ?? me.orgName;
  const scopeKind = home?.scope.kind ?? me.orgKind;
  const partner = home?.scope.partner ?? false;
  return (
    <Card className="fz-greeting" variant="borderless">
      <Typography.Title level={3} className="fz-greeting-title" data-testid="home-greeting">
        {t('home.greeting', { greet: t(greetingKey(new Date().getHours())), name: displayNameOf(me) })}
      </Typography.Title>
      <div className="fz-greeting-meta">
        <Tag color="blue" variant="filled">
          {roleLabel(t, me.role)}
        </Tag>
        <Typography.Text>
          {t('home.scopeLine', { label: t(partner ? 'home.institution' : 'home.jurisdiction'), scope: scopeName })}
        </Typography.Text>
        <Tag>{kindLabel(t, scopeKind)}</Tag>
      </div>
      <Typography.Paragraph type="secondary" className="fz-greeting-intro">
        {t(`home.intro.${me.role}`)}
      </Typography.Paragraph>
    </Card>
  );
}
