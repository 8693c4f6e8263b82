import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ClusterOutlined,
  CreditCardOutlined,
  FileSearchOutlined,
  KeyOutlined,
  MonitorOutlined,
  NotificationOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AdminPage, BusinessModule } from './modules.ts';

export const MODULE_ICONS: Record<BusinessModule, ReactNode> = {
  warnings: <AlertOutlined />,
  cases: <FileSearchOutlined />,
  funds: <BankOutlined />,
  cards: <CreditCardOutlined />,
  persons: <UsergroupAddOutlined />,
  outreach: <NotificationOutlined />,
  liaison: <ClusterOutlined />,
  stats: <BarChartOutlined />,
};

export const ADMIN_ICONS: Record<AdminPage, ReactNode> = {
  orgs: <ApartmentOutlined />,
  users: <TeamOutlined />,
  tokens: <KeyOutlined />,
  audit: <AuditOutlined />,
  warnings: <AlertOutlined />,
  risk: <MonitorOutlined />,
};
