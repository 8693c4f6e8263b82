/**
 * Precision directives (精准宣防指令) proposed from the statistics: where a fraud type rose in a unit over the
 * last weeks against the weeks before, aim outreach at that unit and at the group the unit's victims mostly
 * belong to. Pure; the figures come from the daily statistics.
 */

export type Audience = 'elderly' | 'students' | 'workers' | 'women' | 'migrants' | 'business' | 'general';

export interface UnitFigures {
  code: string;
  name: string;
  /** Cases per fraud type in the recent span and in the span of equal length before it. */
  recent: Readonly<Record<string, number>>;
  before: Readonly<Record<string, number>>;
  /** Victims per age band (0-17, 18-25, 26-35, 36-45, 46-60, 61+, unknown) in the recent span. */
  ages: Readonly<Record<string, number>>;
}

export interface Proposal {
  orgCode: string;
  orgName: string;
  fraudType: string;
  recent: number;
  before: number;
  /** recent ÷ before (null when there were none before). */
  ratio: number | null;
  audience: Audience;
}

/** The group to reach for victims mostly of an age band. */
export function audienceOf(ages: Readonly<Record<string, number>>): Audience {
  const top = Object.entries(ages)
    .filter(([band]) => band !== 'unknown')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!top || top[1] === 0) return 'general';
  switch (top[0]) {
    case '0-17':
    case '18-25':
      return 'students';
    case '61+':
      return 'elderly';
    default:
      return 'workers';
  }
}

/**
 * One proposal per unit and fraud type that rose: at least `minCases` recent cases and at least `minRise`
 * times as many as before (any number when there were none before). Largest rises first.
 */
export function proposeDirectives(units: readonly UnitFigures[], opts: { minCases?: number; minRise?: number; limit?: number } = {}): Proposal[] {
  const { minCases = 3, minRise = 1.5, limit = 20 } = opts;
  const out: Proposal[] = [];
  for (const u of units) {
    for (const [type, recent] of Object.entries(u.recent)) {
      const before = u.before[type] ?? 0;
      if (recent < minCases || (before > 0 && recent < before * minRise)) continue;
      out.push({ orgCode: u.code, orgName: u.name, fraudType: type, recent, before, ratio: before > 0 ? Math.round((recent / before) * 100) / 100 : null, audience: audienceOf(u.ages) });
    }
  }
  out.sort((a, b) => (b.recent - b.before) - (a.recent - a.before) || b.recent - a.recent || a.orgCode.localeCompare(b.orgCode) || a.fraudType.localeCompare(b.fraudType));
  return out.slice(0, limit);
}
