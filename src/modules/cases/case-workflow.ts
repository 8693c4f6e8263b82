/**
 * The case workflow (案件状态): 受理 accepted → 立案 filed → 侦查 investigating → 破案 solved → 移送起诉
 * prosecuted, and 撤案 withdrawn from any open state. Every transition is stored as a case event.
 */
import type { CaseStatus } from '../../db/types.ts';

export const CASE_STATUSES = ['accepted', 'filed', 'investigating', 'solved', 'prosecuted', 'withdrawn'] as const satisfies readonly CaseStatus[];
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['prosecuted', 'withdrawn'];

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  accepted: ['filed', 'withdrawn'],
  filed: ['investigating', 'withdrawn'],
  investigating: ['solved', 'withdrawn'],
  solved: ['prosecuted', 'withdrawn'],
  prosecuted: [],
  withdrawn: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export const IDENTIFIER_KINDS = ['phone', 'account', 'url', 'app', 'social', 'wallet', 'device'] as const;
