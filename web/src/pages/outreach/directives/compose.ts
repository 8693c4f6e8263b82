import type { DirectiveBody, FraudType, ProposalDto, ProposalsDto } from '../../../api/outreach.ts';
import type { Translate } from '../../../i18n/lang.ts';
import { fraudTypeLabel } from '../../cases/shared/labels.ts';
import type { OutreachT } from '../i18n/use-outreach-t.ts';
import { audienceLabel, FRAUD_TYPES } from '../shared/labels.ts';

/** A proposal with the spans it compared: what a directive issued from it keeps as its basis. */
export interface ProposalBasis extends ProposalDto {
  recentDays: ProposalsDto['recent'];
  beforeDays: ProposalsDto['before'];
}

export const basisOf = (p: ProposalDto, spans: Pick<ProposalsDto, 'recent' | 'before'>): ProposalBasis => ({ ...p, recentDays: spans.recent, beforeDays: spans.before });

/** Reads a directive's basis back when it is a proposal (a directive written by hand has none). */
export function readBasis(basis: Record<string, unknown> | null): ProposalBasis | null {
  if (!basis) return null;
  const { orgName, fraudType, recent, before } = basis;
  if (typeof orgName !== 'string' || typeof fraudType !== 'string' || typeof recent !== 'number' || typeof before !== 'number') return null;
  return basis as unknown as ProposalBasis;
}

/** The directive a proposal suggests: title and body composed from its figures, the unit, audience and fraud type, the proposal as basis. */
export function composeDirective(ot: OutreachT, t: Translate, b: ProposalBasis): Partial<DirectiveBody> {
  const type = fraudTypeLabel(t, b.fraudType);
  const audience = audienceLabel(ot, b.audience);
  const rise = b.before > 0 && b.ratio !== null ? ot('outreach.compose.rise', { before: b.before, ratio: b.ratio }) : ot('outreach.compose.new');
  return {
    kind: 'precision',
    title: ot('outreach.compose.title', { org: b.orgName, type, audience }),
    body: ot('outreach.compose.body', { from: b.recentDays.firstDay, to: b.recentDays.lastDay, org: b.orgName, type, recent: b.recent, rise, audience }),
    orgCodes: [b.orgCode],
    audience: b.audience,
    ...((FRAUD_TYPES as readonly string[]).includes(b.fraudType) ? { fraudType: b.fraudType as FraudType } : {}),
    basis: { ...b },
  };
}
