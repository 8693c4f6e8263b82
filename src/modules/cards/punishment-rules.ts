/**
 * The rules of joint punishment (联合惩戒, in force 2024-12-01), pure: who qualifies, for how long, and the
 * five-year cap on consecutive measures. DOMAIN.md "管".
 */
export interface Findings {
  /** Cards or accounts the person sold, rented or lent. */
  cards: number;
  /** Separate occasions. */
  times: number;
  /** Different buyers or users. */
  counterparties: number;
  /** A conviction for a related crime. */
  convicted: boolean;
}

export type Ground = 'cards' | 'times' | 'counterparties' | 'convicted';
export const THRESHOLD = 3;
export const MAX_CONSECUTIVE_YEARS = 5;

/** The grounds met (≥3 cards, ≥3 times, ≥3 counterparties, or a conviction); none means no punishment. */
export function grounds(f: Findings): Ground[] {
  const out: Ground[] = [];
  if (f.cards >= THRESHOLD) out.push('cards');
  if (f.times >= THRESHOLD) out.push('times');
  if (f.counterparties >= THRESHOLD) out.push('counterparties');
  if (f.convicted) out.push('convicted');
  return out;
}

/** 3 years for a conviction, 2 when found by the police. */
export function periodYears(f: Findings): 2 | 3 {
  return f.convicted ? 3 : 2;
}

export function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

/**
 * Years of punishment in a row if a new period [start, start + years) is added to the person's earlier
 * ones: periods that touch or overlap (a gap under a day) chain together; the chain containing the new
 * period is measured from its first start to its last end.
 */
export function consecutiveYears(earlier: readonly { start: Date; end: Date }[], start: Date, years: number): number {
  const periods = [...earlier.map((p) => ({ start: p.start.getTime(), end: p.end.getTime() })), { start: start.getTime(), end: addYears(start, years).getTime() }].sort((a, b) => a.start - b.start);
  const DAY = 86_400_000;
  let chainStart = periods[0]?.start ?? 0;
  let chainEnd = periods[0]?.end ?? 0;
  let result = 0;
  const newStart = start.getTime();
  for (const p of periods.slice(1)) {
    if (p.start <= chainEnd + DAY) {
      chainEnd = Math.max(chainEnd, p.end);
    } else {
      if (newStart >= chainStart && newStart <= chainEnd) result = Math.max(result, chainEnd - chainStart);
      chainStart = p.start;
      chainEnd = p.end;
    }
  }
  if (newStart >= chainStart && newStart <= chainEnd) result = Math.max(result, chainEnd - chainStart);
  return result / (365.25 * DAY);
}
