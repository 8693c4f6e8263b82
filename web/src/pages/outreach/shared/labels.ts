import { FRAUD_TYPES } from '../../../../../src/lib/fraud-types.ts';
import type { DirectiveKind, OutreachAudience, OutreachVenue } from '../../../api/outreach.ts';
import type { OutreachT } from '../i18n/use-outreach-t.ts';
import type { OutreachKey } from '../i18n/outreach-zh.ts';

// The server's enums (VENUES and AUDIENCES in src/modules/outreach/outreach.routes.ts), in display order.
export const VENUES: readonly OutreachVenue[] = ['community', 'village', 'school', 'company', 'market', 'online', 'other'];
export const AUDIENCES: readonly OutreachAudience[] = ['elderly', 'students', 'workers', 'women', 'migrants', 'business', 'general'];
export const DIRECTIVE_KINDS: readonly DirectiveKind[] = ['daily', 'precision'];
export { FRAUD_TYPES };

/** A code from the server in words; a code added later shows as itself rather than breaking the page. */
function label(ot: OutreachT, known: readonly string[], prefix: string, code: string): string {
  return known.includes(code) ? ot(`${prefix}.${code}` as OutreachKey) : code;
}

export const venueLabel = (ot: OutreachT, v: string): string => label(ot, VENUES, 'outreach.venue', v);
export const audienceLabel = (ot: OutreachT, a: string): string => label(ot, AUDIENCES, 'outreach.audience', a);
export const directiveKindLabel = (ot: OutreachT, k: string): string => label(ot, DIRECTIVE_KINDS, 'outreach.directive.kind', k);

/** Where an audience is usually met: the venue a directive's activity form starts with. */
export const VENUE_FOR: Record<OutreachAudience, OutreachVenue> = {
  elderly: 'community',
  students: 'school',
  workers: 'company',
  women: 'community',
  migrants: 'community',
  business: 'market',
  general: 'community',
};

/** A rate as a percentage with one decimal; null stays unknown. */
export function percent(rate: number | null | undefined): string | null {
  return rate === null || rate === undefined ? null : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
