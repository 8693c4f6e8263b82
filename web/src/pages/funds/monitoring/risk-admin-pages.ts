// The lazily loaded chunk of the admin's rule set page (/admin/risk); the monitoring screens themselves load with 资金.
import '../../cases/cases.css';
import './monitoring.css';
export { RiskAdminPage } from './rules/risk-admin-page.tsx';
