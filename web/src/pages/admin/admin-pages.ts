// One lazily loaded chunk for system administration: the tables, trees and pickers only an admin
// needs stay out of the download of everyone else (grid workers on phones among them).
export { AuditPage } from './audit/audit-page.tsx';
export { OrgsPage } from './orgs/orgs-page.tsx';
export { TokensPage } from './tokens/tokens-page.tsx';
export { UsersPage } from './users/users-page.tsx';
