// One lazily loaded chunk for the warnings module: its tables, pickers and import wizard stay out of
// the first download, as the admin pages do.
export { WarningsAdminPage } from './warnings-admin-page.tsx';
export { WarningsModule } from './warnings-module.tsx';
