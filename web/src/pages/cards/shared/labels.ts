import type {
  AppealSubject,
  DeliveryMethod,
  Ground,
  LeadKind,
  LeadOutcome,
  LeadSource,
  LeadStatus,
  Measure,
  PunishmentStatus,
  RankingNoticeKind,
  RestrictionKind,
  RestrictionLiftReason,
  RestrictionMeasure,
  RestrictionStatus,
  UnitNoticeKind,
} from '../../../api/cards.ts';
import type { Translate } from '../../../i18n/lang.ts';
import { zh, type MessageKey } from '../../../i18n/zh.ts';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

/** A code from the server in words; a code added later shows as itself rather than breaking the page. */
function label(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

// The server's enums in the order the screens offer them. Written as records so that a value added on the
// server (src/db/types.ts) fails the type check here until it has its place and its words.
const order = <T extends string>(r: Record<T, number>): T[] => (Object.keys(r) as T[]).sort((a, b) => r[a] - r[b]);

export const LEAD_STATUSES = order<LeadStatus>({ assigned: 0, verifying: 1, closed: 2 });
export const LEAD_KINDS = order<LeadKind>({ bank_account: 0, phone_card: 1, payment_account: 2 });
export const LEAD_OUTCOMES = order<LeadOutcome>({ criminal: 0, administrative: 1, education: 2, punishment_proposal: 3, struck_off: 4 });
export const PUNISHMENT_STATUSES = order<PunishmentStatus>({ proposed: 0, active: 1, lifted: 2, expired: 3, rejected: 4 });
export const DELIVERY_METHODS = order<DeliveryMethod>({ in_person: 0, post: 1, sms: 2, announcement: 3 });
export const GROUNDS = order<Ground>({ cards: 0, times: 1, counterparties: 2, convicted: 3 });
export const MEASURES = order<Measure>({ no_non_counter_payments: 0, no_new_accounts_or_cards: 1, credit_record: 2 });
export const RESTRICTION_STATUSES = order<RestrictionStatus>({ in_force: 0, lifted: 1 });
export const RESTRICTION_MEASURES = order<RestrictionMeasure>({ limit: 0, suspend: 1, close: 2 });
export const LIFT_REASONS = order<RestrictionLiftReason>({ verified: 0, error: 1, other: 2 });
export const UNIT_NOTICE_KINDS = order<UnitNoticeKind>({ rectification: 0, summons: 1, suspension_proposal: 2 });
export const RANKING_NOTICE_KINDS = order<RankingNoticeKind>({ summons: 0, suspension_proposal: 1 });
export const APPEAL_SUBJECTS = order<AppealSubject>({ punishment: 0, restriction: 1 });
/** What each kind of institution restricts (KINDS_OF in src/modules/cards/restrictions.service.ts): banks accounts, operators phone cards. */
const KINDS_OF: Record<RestrictionKind, 'bank' | 'operator'> = { bank_account: 'bank', payment_account: 'bank', phone_card: 'operator' };
export const restrictionKindsOf = (role: string): RestrictionKind[] =>
  order<RestrictionKind>({ bank_account: 0, payment_account: 1, phone_card: 2 }).filter((k) => KINDS_OF[k] === (role === 'operator_liaison' ? 'operator' : 'bank'));

export const leadStatusLabel = (t: Translate, v: string) => label(t, 'cards.leadStatus', v);
export const leadKindLabel = (t: Translate, v: string) => label(t, 'cards.kind', v);
export const leadSourceLabel = (t: Translate, v: LeadSource | string) => label(t, 'cards.source', v);
export const outcomeLabel = (t: Translate, v: string) => label(t, 'cards.result', v);
export const leadEventLabel = (t: Translate, v: string) => label(t, 'cards.leadEvent', v);
export const punishmentStatusLabel = (t: Translate, v: string) => label(t, 'cards.pstatus', v);
export const groundLabel = (t: Translate, v: string) => label(t, 'cards.ground', v);
export const measureLabel = (t: Translate, v: string) => label(t, 'cards.measure', v);
export const measureShort = (t: Translate, v: string) => label(t, 'cards.measureShort', v);
export const deliveryLabel = (t: Translate, v: string) => label(t, 'cards.deliveryMethod', v);
export const appealStatusLabel = (t: Translate, v: string) => label(t, 'cards.appealStatus', v);
export const punishmentEventLabel = (t: Translate, v: string) => label(t, 'cards.pevent', v);
export const liftReasonLabel = (t: Translate, v: string) => label(t, 'cards.liftReason', v);
export const restrictionStatusLabel = (t: Translate, v: string) => label(t, 'cards.rstatus', v);
export const restrictionMeasureLabel = (t: Translate, v: string) => label(t, 'cards.rmeasure', v);
export const restrictionEventLabel = (t: Translate, v: string) => label(t, 'cards.revent', v);
export const noticeKindLabel = (t: Translate, v: string) => label(t, 'cards.noticeKind', v);
export const appealSubjectLabel = (t: Translate, v: string) => label(t, 'cards.appealSubject', v);
