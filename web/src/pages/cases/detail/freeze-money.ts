import type { FreezeDto, ReturnDto } from '../../../api/cases.ts';
import { toFen } from '../shared/money.ts';

const fen = (v: string | null | undefined): number => {
  if (!v) return 0;
  try {
    return toFen(v);
  } catch {
    return 0;
  }
};

/** Returns of a freeze still on their way to the victims: noticed or approved, not yet paid. */
export function plannedFen(returns: readonly ReturnDto[]): number {
  return returns.filter((r) => r.status === 'noticed' || r.status === 'approved').reduce((s, r) => s + fen(r.totalAmount), 0);
}

/**
 * What a new return may still take from a freeze: frozen, less what was paid back and what is planned
 * (the server's own rule in planReturn).
 */
export function availableFen(f: FreezeDto, returns: readonly ReturnDto[]): number {
  if (f.status !== 'frozen') return 0;
  return Math.max(0, fen(f.frozenAmount) - fen(f.returnedAmount) - plannedFen(returns.filter((r) => r.freezeId === f.id)));
}

/** A freeze that still holds or waits for something: requested, or in force. */
export function isLive(f: FreezeDto): boolean {
  return f.status === 'requested' || f.status === 'frozen';
}
