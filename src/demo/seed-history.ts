import { sql } from 'kysely';
import { localDay } from '../lib/periods.ts';
import type { Deps, RequestContext } from '../server/context.ts';
import * as reference from '../modules/stats/reference.ts';
import type { Scope } from '../modules/orgs/scope.ts';
import { CITY, COUNTIES } from './city.ts';
import { Rng } from './random.ts';
import { seedCases } from './seed-cases.ts';
import { seedWarnings } from './seed-warnings.ts';

/**
 * The year before the demo's year: a little more fraud (cases ×1.15, a lower share solved) and fewer warnings
 * (×0.8, the warning channels were younger), so the dashboard's 同比 compares with something and the 两升两降
 * arrows show plausible changes. Both go through the same seeders and tables as this year's records, so the
 * statistics triggers count them.
 */
export const LAST_YEAR = { cases: 1.15, warnings: 0.8, solvedShare: 0.8 } as const;

const seedCtx: RequestContext = { principal: null, ip: null, requestId: 'seed-demo' };
const MONTHS_OF_FIGURES = 24;

export interface HistoryResult {
  warnings: number;
  cases: number;
  referenceFigures: number;
}

/**
 * Last year's warnings and cases, then the figures from outside (criminal cases, population 16–60, app
 * registrations) for each county and the last two years' months, so 电诈占比 and APP注册率 have values.
 * Its own random stream, so adding it changed nothing of the rest of the demo city.
 */
export async function seedStatsHistory(deps: Deps, seed: number, counts: { warnings: number; cases: number }, onProgress?: (done: number, total: number, what: string) => void): Promise<HistoryResult> {
  const rng = new Rng(seed + 365);
  const w = await seedWarnings(deps, rng, Math.round(counts.warnings * LAST_YEAR.warnings), onProgress ? (d, t) => onProgress(d, t, 'last year warnings') : undefined, { yearsBack: 1 });
  const c = await seedCases(deps, rng, Math.round(counts.cases * LAST_YEAR.cases), onProgress ? (d, t) => onProgress(d, t, 'last year cases') : undefined, { yearsBack: 1, solvedShare: LAST_YEAR.solvedShare });
  const referenceFigures = await seedReferenceFigures(deps, rng);
  return { warnings: w.warnings, cases: c.cases, referenceFigures };
}

const monthsBack = (month: string, n: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * Per county and month: criminal cases such that fraud is about 42% of them two years ago falling to 34% now
 * (from the fraud cases actually recorded, so the share holds at any demo size; this month's figure covers
 * its days so far), a population aged 16–60 that drifts slowly, and app registrations rising from about 40%
 * to about 58% of it. Entered through the same service as the center's own entries.
 */
async function seedReferenceFigures(deps: Deps, rng: Rng): Promise<number> {
  const now = deps.clock.now();
  const thisMonth = localDay(now).slice(0, 7);
  const first = monthsBack(thisMonth, MONTHS_OF_FIGURES - 1);
  const city = await deps.db.selectFrom('orgs').select(['id', 'code', 'path']).where('code', '=', CITY.code).executeTakeFirstOrThrow();
  const counties = await deps.db.selectFrom('orgs').select(['id', 'code', 'path']).where('parent_id', '=', city.id).where('kind', '=', 'county').orderBy('code').execute();
  // Fraud cases per county (its whole subtree) and month, as the statistics count them.
  const fraud = (
    await sql<{ path: string; month: string; n: string }>`
      SELECT o.path, to_char(s.month, 'YYYY-MM') AS month, s.n::text AS n FROM stat_months s JOIN orgs o ON o.id = s.org_id
      WHERE s.metric = 'c.reported' AND s.month >= ${`${first}-01`}::date`.execute(deps.db)
  ).rows;
  const fraudOf = (path: string, month: string) => fraud.filter((r) => r.path.startsWith(path) && r.month === month).reduce((a, r) => a + Number(r.n), 0);
  const items: { orgCode: string; month: string; key: (typeof reference.REFERENCE_KEYS)[number]; value: number }[] = [];
  for (const county of counties) {
    const urban = COUNTIES.find((c) => c.regionCode === county.code)?.urban ?? false;
    let population = urban ? rng.int(320_000, 420_000) : rng.int(160_000, 240_000);
    let rate = 0.36 + rng.next() * 0.08;
    for (let i = 0; i < MONTHS_OF_FIGURES; i++) {
      const month = monthsBack(thisMonth, MONTHS_OF_FIGURES - 1 - i);
      population = Math.round(population * (1 + (urban ? 0.0006 : -0.0004) + (rng.next() - 0.5) * 0.0004));
      rate = Math.min(0.95, rate + 0.006 + rng.next() * 0.004);
      const n = fraudOf(county.path, month);
      const share = 0.42 - (0.08 * i) / (MONTHS_OF_FIGURES - 1) + (rng.next() - 0.5) * 0.04;
      const criminal = Math.max(n + rng.int(5, 12), Math.round(n / share));
      items.push({ orgCode: county.code, month, key: 'criminal_cases', value: criminal }, { orgCode: county.code, month, key: 'population_16_60', value: population }, { orgCode: county.code, month, key: 'app_registered', value: Math.round(population * rate) });
    }
  }
  const scope: Scope = { rootId: city.id, rootCode: city.code, rootPath: city.path, rootKind: 'city', everything: true, partner: false };
  const out = await reference.put(deps, seedCtx, scope, { items });
  return out.stored;
}
