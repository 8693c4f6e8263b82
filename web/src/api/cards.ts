import type { z } from 'zod';
import type { AppealStatus, LeadOutcome, PunishmentStatus } from '../../../src/db/types.ts';
import type { LeadBatchResultDto, LeadDto, LeadIn } from '../../../src/modules/cards/leads.schema.ts';
import type { Ground } from '../../../src/modules/cards/punishment-rules.ts';
import { request } from './client.ts';

// The 断卡 API (src/modules/cards/leads.routes.ts and punishments.routes.ts). Leads and their batches take
// the server's own types; the punishment routes keep their schemas private, so their shapes are written
// out here after them.

export type { AppealStatus, Ground, LeadBatchResultDto, LeadDto, LeadOutcome, PunishmentStatus };
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

export interface AccountabilityRow {
  code: string;
  name: string;
  institution: string;
  leads: number;
  closed: number;
  punished: number;
}

export const fetchAccountability = (q: { kind: 'bank' | 'operator'; from?: string | undefined; to?: string | undefined; limit?: number | undefined }): Promise<{ from: string; to: string; items: AccountabilityRow[] }> =>
  request('GET', '/api/v1/cards/accountability', { query: { ...q } });

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
