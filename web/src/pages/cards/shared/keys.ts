import type { AppealQueueQuery, LeadQuery, PunishmentStatus, RestrictionQuery } from '../../../api/cards.ts';

// Query keys of the 断卡 screens. A step on a lead refreshes everything under LEADS_KEY, a step on a
// punishment everything under PUNISHMENTS_KEY, one on a restriction everything under RESTRICTIONS_KEY;
// the ranking counts leads and punishments and shows the notices issued from it. Every appeal step also
// refreshes the appeals queue.
export const LEADS_KEY = ['card-leads'] as const;
export const leadListKey = (q: LeadQuery) => ['card-leads', 'list', q] as const;
export const leadDetailKey = (id: number) => ['card-leads', 'detail', id] as const;
export const PUNISHMENTS_KEY = ['punishments'] as const;
export const punishmentListKey = (q: { status?: PunishmentStatus | undefined; page: number; pageSize: number }) => ['punishments', 'list', q] as const;
export const punishmentDetailKey = (id: number) => ['punishments', 'detail', id] as const;
export const ACCOUNTABILITY_KEY = ['card-accountability'] as const;
export const accountabilityKey = (q: { kind: string; from: string; to: string }) => ['card-accountability', q] as const;
export const RESTRICTIONS_KEY = ['card-restrictions'] as const;
export const restrictionListKey = (q: RestrictionQuery) => ['card-restrictions', 'list', q] as const;
export const restrictionDetailKey = (id: number) => ['card-restrictions', 'detail', id] as const;
export const APPEALS_KEY = ['card-appeals'] as const;
export const appealQueueKey = (q: AppealQueueQuery) => ['card-appeals', q] as const;
export const UNIT_NOTICES_KEY = ['card-notices'] as const;
export const unitNoticeListKey = (q: { open?: 'true' | undefined; overdue?: 'true' | undefined; limit: number }) => ['card-notices', q] as const;
