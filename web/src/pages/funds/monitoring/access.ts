import type { Role } from '../../../../../src/lib/roles.ts';
import type { ALERT_STEPS } from '../../../../../src/modules/risk/risk.service.ts';
import type { AlertDto, Outcome } from '../../../api/risk.ts';

// Mirrors the `auth:` arrays of src/modules/risk/risk.routes.ts; the server stays the authority and answers 403
// to anything else.

const has = (roles: readonly Role[]) => (role: Role) => roles.includes(role);

/** GET /api/v1/alerts: a bank its institution's alerts, the center every bank's. */
export const readsAlerts = has(['bank_liaison', 'center_analyst', 'center_leader', 'viewer', 'admin']);
/** POST /api/v1/alerts/:id/outcome */
export const decidesAlerts = has(['bank_liaison', 'center_analyst', 'station_officer']);
/** A stop-payment is the police's to request: a bank escalates instead. */
export const requestsStops = has(['center_analyst', 'station_officer']);
export const readsAllowList = has(['bank_liaison', 'center_analyst', 'center_leader', 'admin']);
export const writesAllowList = has(['bank_liaison', 'center_analyst']);
/** Rule set versions and per-rule statistics (read); only the admin stores and moves versions. */
export const readsRules = has(['admin', 'center_analyst', 'center_leader']);
export const managesRules = has(['admin']);

/**
 * The alert workflow of src/modules/risk/risk.service.ts (ALERT_STEPS), mirrored because that module imports the
 * database; typed against it so a status added there fails to compile here.
 */
export const STEPS: typeof ALERT_STEPS = {
  open: ['escalated', 'confirmed_mule', 'false_positive', 'stop_payment_requested'],
  escalated: ['confirmed_mule', 'false_positive', 'stop_payment_requested'],
  confirmed_mule: ['stop_payment_requested'],
  false_positive: [],
  stop_payment_requested: [],
};

/**
 * What the caller may do with an alert now. Escalating means "to the center", so only a bank offers it; a
 * shadow version's alerts are for comparison and take no outcome.
 */
export function outcomesFor(role: Role, alert: Pick<AlertDto, 'status' | 'shadow'>): Outcome[] {
  if (alert.shadow || !decidesAlerts(role)) return [];
  return STEPS[alert.status].filter((s): s is Outcome => (s === 'escalated' ? role === 'bank_liaison' : s === 'stop_payment_requested' ? requestsStops(role) : s !== 'open'));
}
