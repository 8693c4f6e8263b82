import type { LeadQuery, PunishmentStatus } from '../../../api/cards.ts';

// Query keys of the 断卡 screens. A step on a lead refreshes everything under LEADS_KEY, a step on a
// punishment everything under PUNISHMENTS_KEY; the ranking counts both.
export const LEADS_KEY = ['card-leads'] as const;
export const leadListKey = (q: LeadQuery) => ['card-leads', 'list', q] as const;
export const leadDetailKey = (id: number) => ['card-leads', 'detail', id] as const;
export const PUNISHMENTS_KEY = ['punishments'] as const;
export const punishmentListKey = (q: { status?: PunishmentStatus | undefined; page: number; pageSize: number }) => ['punishments', 'list', q] as const;
export const punishmentDetailKey = (id: number) => ['punishments', 'detail', id] as const;
export const ACCOUNTABILITY_KEY = ['card-accountability'] as const;
export const accountabilityKey = (q: { kind: string; from: string; to: string }) => ['card-accountability', q] as const;
