import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/lib/roles.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { ADMIN_ICONS, MODULE_ICONS } from '../../layout/module-icons.tsx';
import { ADMIN_PAGES, isAdmin, MODULE_PATHS, modulesFor } from '../../layout/modules.ts';

interface Shortcut {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
}

export function Shortcuts({ role }: { role: Role }) {
  const t = useT();
  const items: Shortcut[] = modulesFor(role).map((m) => ({ key: m, path: MODULE_PATHS[m], label: t(`nav.${m}`), icon: MODULE_ICONS[m] }));
  if (isAdmin(role)) {
    for (const p of ADMIN_PAGES) items.push({ key: `admin-${p}`, path: `/admin/${p}`, label: t(`nav.admin.${p}`), icon: ADMIN_ICONS[p] });
  }
  return (
    <Card title={t('home.shortcuts')} variant="borderless" size="small">
      <Row gutter={[12, 12]}>
        {items.map((s) => (
          <Col key={s.key} xs={12} sm={8} xl={6}>
            <Link to={s.path} className="fz-shortcut" data-testid={`shortcut-${s.key}`}>
              <span className="fz-shortcut-icon">{s.icon}</span>
              <span className="fz-shortcut-label">{s.label}</span>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
