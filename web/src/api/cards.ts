import type { z } from 'zod';
import type { AppealStatus, LeadOutcome, PunishmentStatus, RestrictionKind, RestrictionMeasure } from '../../../src/db/types.ts';
import type { LeadBatchResultDto, LeadDto, LeadIn } from '../../../src/modules/cards/leads.schema.ts';
import type { Ground } from '../../../src/modules/cards/punishment-rules.ts';
import { request } from './client.ts';

// The 断卡 API (src/modules/cards/leads.routes.ts, punishments.routes.ts and restrictions.routes.ts). Leads
// and their batches take the server's own types; the punishment and restriction routes keep their schemas
// private, so their shapes are written out here after them.

export type { AppealStatus, Ground, LeadBatchResultDto, LeadDto, LeadOutcome, PunishmentStatus, RestrictionKind, RestrictionMeasure };
export type LeadStatus = LeadDto['status'];
export type LeadKind = LeadDto['kind'];
export type LeadSource = LeadDto['source'];
/** One lead of a batch as the server's schema takes it (before its transforms: upper-cased ID, phone). */
export type LeadBody = z.input<typeof LeadIn>;

export interface LeadEventDto {
  at: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
}
export type LeadDetailDto = LeadDto & { events: LeadEventDto[] };

export interface LeadQuery {
  status?: LeadStatus | 'open' | undefined;
  outcome?: LeadOutcome | undefined;
  overdue?: 'true' | undefined;
  orgCode?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Items land one by one: the good ones are stored, the bad ones come back by index and path. */
export const intakeLeads = (items: LeadBody[]): Promise<LeadBatchResultDto> => request('POST', '/api/v1/cards/leads', { body: { items } });

export const listLeads = (q: LeadQuery): Promise<{ items: LeadDto[]; total: number }> => request('GET', '/api/v1/cards/leads', { query: { ...q } });

/** With reveal the server shows the holder unmasked and writes an audit entry. */
export const getLead = (id: number, reveal = false): Promise<LeadDetailDto> => request('GET', `/api/v1/cards/leads/${id}`, { query: { reveal: reveal ? '1' : undefined } });

export const assignLead = (id: number, body: { orgCode: string; dueAt?: string | undefined }): Promise<LeadDetailDto> => request('POST', `/api/v1/cards/leads/${id}/assign`, { body });

/** 落地核查 begins: assigned → verifying. */
export const startVerification = (id: number): Promise<LeadDetailDto> => request('POST', `/api/v1/cards/leads/${id}/verify`, { body: {} });

/** Closes the lead; striking it off (struck_off, 核减) needs the note. */
export const recordLeadOutcome = (id: number, body: { outcome: LeadOutcome; note?: string | undefined }): Promise<LeadDetailDto> =>
  request('POST', `/api/v1/cards/leads/${id}/outcome`, { body });

export type RankingAction = 'summon' | 'suspend';
export type RankingNoticeKind = 'summons' | 'suspension_proposal';

/** The latest summons or suspension proposal issued about a ranking row since its period began. */
export interface RankingNoticeDto {
  id: number;
  noticeNo: string;
  kind: RankingNoticeKind;
  issuedAt: string;
  repliedAt: string | null;
  overdue: boolean;
}

export interface AccountabilityRow {
  code: string;
  name: string;
  institution: string;
  leads: number;
  closed: number;
  punished: number;
  /** What the count calls for at the settings' thresholds: a summons (约谈) or a suspension proposal. */
  action: RankingAction | null;
  notice: RankingNoticeDto | null;
}

export interface AccountabilityDto {
  from: string;
  to: string;
  /** The period in whole China-time days, both included. */
  firstDay: string;
  lastDay: string;
  thresholds: { summonAt: number; suspendAt: number };
  items: AccountabilityRow[];
}

/** `from` and `to` are dates (YYYY-MM-DD, `to` exclusive) or times with an offset. */
export const fetchAccountability = (q: { kind: 'bank' | 'operator'; from?: string | undefined; to?: string | undefined; limit?: number | undefined }): Promise<AccountabilityDto> =>
  request('GET', '/api/v1/cards/accountability', { query: { ...q } });

/**
 * A summons (to the branch or outlet) or a suspension proposal (to its institution) from a ranking row: the
 * server counts the period again (400 on `kind` below the threshold) and writes the text unless `body` is given.
 */
export const issueRankingNotice = (body: { orgCode: string; kind: RankingNoticeKind; from: string; to: string; replyDays: number; body?: string | undefined }): Promise<UnitNoticeDto> =>
  request('POST', '/api/v1/cards/accountability/notices', { body });

// ---- joint punishment (联合惩戒) ----

export type Measure = 'no_non_counter_payments' | 'no_new_accounts_or_cards' | 'credit_record';
export type DeliveryMethod = 'in_person' | 'post' | 'sms' | 'announcement';

export interface Findings {
  cards: number;
  times: number;
  counterparties: number;
  convicted: boolean;
}

export interface PunishmentSummaryDto {
  id: number;
  noticeNo: string;
  personIdNumber: string;
  personName: string;
  orgCode: string;
  orgName: string;
  findings: Record<string, unknown>;
  grounds: string[];
  leadIds: number[];
  years: number;
  measures: string[];
  status: PunishmentStatus;
  proposedAt: string;
  approvedAt: string | null;
  startsAt: string | null;
  endsAt: string | null;
  deliveredAt: string | null;
  deliveryMethod: string | null;
  liftedAt: string | null;
  liftReason: string | null;
}

export interface AppealDto {
  id: number;
  status: AppealStatus;
  submittedAt: string;
  submittedBy: string;
  grounds: string;
  /** Accept (受理) by then: 3 days after submission (null on appeals from before the step had a deadline). */
  acceptDueAt: string | null;
  /** Answer by then: 15 days after submission. */
  dueAt: string;
  decidedAt: string | null;
  answer: string | null;
}

export interface PunishmentDetailDto extends PunishmentSummaryDto {
  appeals: AppealDto[];
  events: LeadEventDto[];
}

export interface ProposeBody {
  personIdNumber: string;
  personName: string;
  findings: Findings;
  leadIds?: number[] | undefined;
  note?: string | undefined;
}

export interface AppealCreatedDto {
  id: number;
  punishmentId: number;
  status: 'submitted';
  acceptDueAt: string;
  dueAt: string;
}

export interface MatchDto {
  idNumber: string;
  noticeNo: string;
  endsAt: string | null;
  measures: string[];
}

/** 201 with the proposal; 400 on `findings` when no threshold is met. */
export const proposePunishment = (body: ProposeBody): Promise<PunishmentDetailDto> => request('POST', '/api/v1/cards/punishments', { body });

/** Newest first; the server gives no total, so a page shorter than pageSize is the last. */
export const listPunishments = (q: { status?: PunishmentStatus | undefined; page: number; pageSize: number }): Promise<{ items: PunishmentSummaryDto[] }> =>
  request('GET', '/api/v1/cards/punishments', { query: { ...q } });

/** With reveal the server shows the person unmasked and writes an audit entry. */
export const getPunishment = (id: number, reveal = false): Promise<PunishmentDetailDto> =>
  request('GET', `/api/v1/cards/punishments/${id}`, { query: { reveal: reveal ? '1' : undefined } });

/** A leader approves (409 beyond five years in a row) or rejects. */
export const decidePunishment = (id: number, body: { approve: boolean; note?: string | undefined }): Promise<PunishmentDetailDto> =>
  request('POST', `/api/v1/cards/punishments/${id}/decision`, { body });

/** The printable written notice is an HTML page the browser opens with the session cookie (audited). */
export function noticeUrl(id: number): string {
  return `/api/v1/cards/punishments/${id}/notice`;
}

export const recordDelivery = (id: number, body: { method: DeliveryMethod; at: string }): Promise<PunishmentDetailDto> =>
  request('POST', `/api/v1/cards/punishments/${id}/delivery`, { body });

/** Staff submit an appeal on the person's behalf (409 against a measure not in force or with one open). */
export const submitStaffAppeal = (id: number, grounds: string): Promise<AppealCreatedDto> => request('POST', `/api/v1/cards/punishments/${id}/appeals`, { body: { grounds } });

export const acceptAppeal = (id: number): Promise<PunishmentDetailDto> => request('POST', `/api/v1/cards/appeals/${id}/accept`, { body: {} });

export const reviewAppeal = (id: number): Promise<PunishmentDetailDto> => request('POST', `/api/v1/cards/appeals/${id}/review`, { body: {} });

/** Upheld lifts the measure at once and tells the banks and operators. */
export const answerAppeal = (id: number, body: { upheld: boolean; answer: string }): Promise<PunishmentDetailDto> => request('POST', `/api/v1/cards/appeals/${id}/answer`, { body });

// ---- partners (bank and operator liaisons) ----

/** Which of these ID numbers are under a measure in force; only matches come back. */
export const matchPunishments = (idNumbers: string[]): Promise<{ items: MatchDto[] }> => request('POST', '/api/v1/partner/punishments/match', { body: { idNumbers } });

/** A customer's appeal forwarded by ID number; 404 when no measure is in force, 409 when one is open. */
export const forwardAppeal = (body: { idNumber: string; grounds: string }): Promise<AppealCreatedDto> => request('POST', '/api/v1/partner/appeals', { body });

// ---- restrictions placed by banks, payment institutions and operators (arts. 18, 11, 32) ----

export type RestrictionStatus = 'in_force' | 'lifted';
export type RestrictionLiftReason = 'verified' | 'error' | 'other';

export interface RestrictionSummaryDto {
  id: number;
  restrictionNo: string;
  externalId: string | null;
  orgCode: string;
  orgName: string;
  kind: RestrictionKind;
  identifier: string;
  holderName: string | null;
  holderIdNumber: string | null;
  measure: RestrictionMeasure;
  reason: string;
  restrictedAt: string;
  status: RestrictionStatus;
  liftedAt: string | null;
  /** verified, error, other, or appeal_upheld. */
  liftReason: string | null;
  openAppeals: number;
}

export interface RestrictionDetailDto extends RestrictionSummaryDto {
  appeals: AppealDto[];
  events: LeadEventDto[];
}

export interface RestrictionBody {
  externalId?: string | undefined;
  unitCode?: string | undefined;
  kind: RestrictionKind;
  identifier: string;
  holderName?: string | undefined;
  holderIdNumber?: string | undefined;
  measure: RestrictionMeasure;
  reason: string;
  restrictedAt: string;
}

export interface RestrictionQuery {
  status?: RestrictionStatus | undefined;
  appealOpen?: 'true' | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** 201 new; 200 with duplicate: true when the unit already reported this `externalId` (the stored one comes back). */
export const reportRestriction = (body: RestrictionBody): Promise<RestrictionDetailDto & { duplicate: boolean }> => request('POST', '/api/v1/cards/restrictions', { body });

export const listRestrictions = (q: RestrictionQuery): Promise<{ items: RestrictionSummaryDto[]; total: number }> => request('GET', '/api/v1/cards/restrictions', { query: { ...q } });

/** With reveal the server shows the holder unmasked and writes an audit entry. */
export const getRestriction = (id: number, reveal = false): Promise<RestrictionDetailDto> =>
  request('GET', `/api/v1/cards/restrictions/${id}`, { query: { reveal: reveal ? '1' : undefined } });

export const liftRestriction = (id: number, body: { reason: RestrictionLiftReason; note?: string | undefined }): Promise<RestrictionDetailDto> =>
  request('POST', `/api/v1/cards/restrictions/${id}/lift`, { body });

/** Recorded by the institution, or forwarded by the center on the person's behalf; 409 with one open or once lifted. */
export const submitRestrictionAppeal = (id: number, grounds: string): Promise<{ id: number; restrictionId: number; status: 'submitted'; acceptDueAt: string; dueAt: string }> =>
  request('POST', `/api/v1/cards/restrictions/${id}/appeals`, { body: { grounds } });

export const acceptRestrictionAppeal = (id: number): Promise<RestrictionDetailDto> => request('POST', `/api/v1/cards/restriction-appeals/${id}/accept`, { body: {} });

export const reviewRestrictionAppeal = (id: number): Promise<RestrictionDetailDto> => request('POST', `/api/v1/cards/restriction-appeals/${id}/review`, { body: {} });

/** Upheld lifts the restriction at once (art. 32). */
export const answerRestrictionAppeal = (id: number, body: { upheld: boolean; answer: string }): Promise<RestrictionDetailDto> =>
  request('POST', `/api/v1/cards/restriction-appeals/${id}/answer`, { body });

// ---- the appeals queue (punishments and restrictions) ----

export type AppealSubject = 'punishment' | 'restriction';

export interface AppealQueueItem {
  id: number;
  subject: AppealSubject;
  subjectId: number;
  subjectNo: string;
  /** Masked. */
  personName: string | null;
  holderOrgCode: string;
  holderOrgName: string;
  status: AppealStatus;
  submittedBy: string;
  submittedAt: string;
  grounds: string;
  acceptDueAt: string | null;
  dueAt: string;
  /** The deadline of the step it waits for (accept, then answer); null once decided. */
  stepDueAt: string | null;
  overdue: boolean;
  escalated: boolean;
  decidedAt: string | null;
  answer: string | null;
}

export interface AppealQueueQuery {
  open?: 'true' | undefined;
  overdue?: 'true' | undefined;
  subject?: AppealSubject | undefined;
  status?: AppealStatus | undefined;
  page: number;
  pageSize: number;
}

/** By answer deadline, oldest first. */
export const listAppeals = (q: AppealQueueQuery): Promise<{ items: AppealQueueItem[]; total: number }> => request('GET', '/api/v1/cards/appeals', { query: { ...q } });

// ---- notices to banks, operators and member units (提示函, summons, suspension proposals) ----

export type UnitNoticeKind = 'rectification' | 'summons' | 'suspension_proposal';

export interface UnitNoticeDto {
  id: number;
  noticeNo: string;
  toOrgCode: string;
  toOrgName: string;
  kind: UnitNoticeKind;
  subject: string;
  body: string;
  issuedAt: string;
  replyDueAt: string;
  overdue: boolean;
  replyText: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  /** From the ranking: orgCode, orgName, firstDay, lastDay, leads, closed, punished, threshold. */
  basis: Record<string, unknown> | null;
}

/** The center's sent notices or a partner's received ones, newest first; `sent` and `replied` count them all. */
export const listUnitNotices = (q: { open?: 'true' | undefined; overdue?: 'true' | undefined; limit: number }): Promise<{ items: UnitNoticeDto[]; sent: number; replied: number }> =>
  request('GET', '/api/v1/cards/notices', { query: { ...q } });

export const sendUnitNotice = (body: { orgCode: string; kind: UnitNoticeKind; subject: string; body: string; replyDays: number }): Promise<UnitNoticeDto> =>
  request('POST', '/api/v1/cards/notices', { body });

/** Once; 409 after. */
export const replyUnitNotice = (id: number, text: string): Promise<UnitNoticeDto> => request('POST', `/api/v1/cards/notices/${id}/reply`, { body: { text } });
