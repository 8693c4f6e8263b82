import { hashPassword, passwordProblem, randomToken } from '../lib/secrets.ts';
import { ROLES, type Role } from '../lib/roles.ts';
import type { Deps, RequestContext } from '../server/context.ts';
import * as orgs from '../modules/orgs/orgs.service.ts';
import * as orgsRepo from '../modules/orgs/orgs.repo.ts';
import { UserCreate } from '../modules/users/users.schema.ts';
import * as usersRepo from '../modules/users/users.repo.ts';
import * as users from '../modules/users/users.service.ts';
import { BANKS, CITY, COUNTIES, MEMBER_UNITS, OPERATORS, UNIT_NAMES } from './city.ts';
import { mobilePhone, personName } from './people.ts';
import { MOBILE_PREFIX_LIST } from '../lib/phone.ts';
import { createRule } from '../modules/warnings/routing-rules.ts';
import { Rng } from './random.ts';
import { seedCards } from './seed-cards.ts';
import { seedRestrictions } from './seed-restrictions.ts';
import { seedRisk } from './seed-risk.ts';
import { seedCases } from './seed-cases.ts';
import { seedLiaison } from './seed-liaison.ts';
import { seedStatsHistory } from './seed-history.ts';
import { seedWarnings } from './seed-warnings.ts';

export type DemoScale = 'small' | 'city';

export interface SeedOptions {
  scale: DemoScale;
  password?: string | undefined;
  seed?: number | undefined;
  /** How many warnings to generate; defaults to the scale's. */
  warnings?: number | undefined;
  /** How many cases to generate; defaults to the scale's. */
  cases?: number | undefined;
  onProgress?: ((done: number, total: number, what: string) => void) | undefined;
}

export interface SeedResult {
  seeded: boolean;
  password: string | null;
  accounts: { username: string; role: Role; orgCode: string; orgName: string }[];
  orgs: number;
  users: number;
  warnings: number;
  cases: number;
}

/** A year of warnings: a few thousand for a laptop, a city's few hundred thousand for `--scale city`. */
export const WARNINGS_PER_SCALE: Record<DemoScale, number> = { small: 6000, city: 300_000 };
/** A year of cases: the demo's hundreds, a city's tens of thousands. */
export const CASES_PER_SCALE: Record<DemoScale, number> = { small: 600, city: 30_000 };

const seedCtx: RequestContext = { principal: null, ip: null, requestId: 'seed-demo' };

export function demoUsername(role: Role): string {
  return `demo-${role}`;
}

/** A generated demo password: readable, and always passes the password rule. */
export function generateDemoPassword(): string {
  return `Demo-${randomToken(6).replace(/[^A-Za-z0-9]/g, 'x')}-${Math.floor(100 + Math.random() * 900)}`;
}

/**
 * Builds 示例市: counties, stations and townships, grids, banks with branches, operators with outlets,
 * member units, and staff for every role. Deterministic for a seed (except the generated password).
 * Every org and user goes through the same services and validators as real input.
 */
export async function seedDemo(deps: Deps, opts: SeedOptions): Promise<SeedResult> {
  if (await orgsRepo.findByCode(deps.db, null, CITY.code)) {
    return { seeded: false, password: null, accounts: await demoAccounts(deps), orgs: 0, users: 0, warnings: 0, cases: 0 };
  }
  const password = opts.password ?? generateDemoPassword();
  const weak = passwordProblem(password);
  if (weak) throw new Error(`demo password ${weak}`);
  const rng = new Rng(opts.seed ?? 20_240_101);
  const passwordHash = await hashPassword(password);
  const total = COUNTIES.length * 45 + BANKS.length * 7 + OPERATORS.length * 11 + MEMBER_UNITS.length + 1;
  let done = 0;
  const step = (what: string) => opts.onProgress?.(++done, total, what);

  const city = await orgs.createRoot(deps, seedCtx, CITY);
  step(CITY.name);
  const create = async (input: { code: string; name: string; kind: Parameters<typeof orgs.create>[3]['kind']; parentCode: string; regionCode?: string }) => {
    const o = await orgs.create(deps, seedCtx, null, input);
    step(o.name);
    return o;
  };
  let userCount = 0;
  const addUser = async (role: Role, orgCode: string, username: string) => {
    const input = UserCreate.parse({ username, password, displayName: personName(rng), role, orgCode, phone: mobilePhone(rng) });
    const org = await orgsRepo.findByCode(deps.db, null, orgCode);
    if (!org) throw new Error(`unknown org ${orgCode}`);
    await users.createWithHash(deps, seedCtx, { ...input, orgId: org.id }, passwordHash);
    userCount++;
  };

  const firstUnits: { station?: string; grid?: string } = {};
  for (const county of COUNTIES) {
    const c = await create({ code: county.regionCode, name: county.name, kind: 'county', parentCode: city.code, regionCode: county.regionCode });
    await addUser('center_analyst', c.code, `analyst-${c.code}`);
    await addUser('center_leader', c.code, `leader-${c.code}`);
    const names = county.urban ? UNIT_NAMES.urban : UNIT_NAMES.rural;
    for (const [i, name] of names.entries()) {
      const region = `${county.regionCode}${String(i + 1).padStart(3, '0')}`;
      const kind = name.endsWith('派出所') ? 'station' : 'township';
      const unit = await create({ code: region, name: `${county.name}${name}`, kind, parentCode: c.code, regionCode: region });
      if (kind === 'station' && !firstUnits.station) firstUnits.station = unit.code;
      await addUser('station_officer', unit.code, `officer-${unit.code}`);
      const grids = rng.int(3, 5);
      for (let g = 1; g <= grids; g++) {
        const gridRegion = `${region}${String(g).padStart(3, '0')}`;
        const grid = await create({ code: gridRegion, name: `${unit.name}第${g}网格`, kind: 'grid', parentCode: unit.code, regionCode: gridRegion });
        if (unit.code === firstUnits.station && !firstUnits.grid) firstUnits.grid = grid.code;
        await addUser('grid_worker', grid.code, `grid-${grid.code}`);
      }
    }
  }
  for (const bank of BANKS) {
    await create({ code: bank.code, name: bank.name, kind: 'bank', parentCode: city.code, regionCode: CITY.regionCode });
    await addUser('bank_liaison', bank.code, `liaison-${bank.code.toLowerCase()}`);
    await create({ code: `${bank.code}-${CITY.regionCode}`, name: `${bank.branch}示例市营业部`, kind: 'bank_branch', parentCode: bank.code, regionCode: CITY.regionCode });
    for (const county of COUNTIES) {
      await create({ code: `${bank.code}-${county.regionCode}`, name: `${bank.branch}${county.name}支行`, kind: 'bank_branch', parentCode: bank.code, regionCode: county.regionCode });
    }
  }
  for (const op of OPERATORS) {
    await create({ code: op.code, name: op.name, kind: 'operator', parentCode: city.code, regionCode: CITY.regionCode });
    await addUser('operator_liaison', op.code, `liaison-${op.code.toLowerCase()}`);
    for (const county of COUNTIES) {
      for (const n of [1, 2]) {
        await create({ code: `${op.code}-${county.regionCode}-0${n}`, name: `${op.outlet}${county.name}${n === 1 ? '中心店' : '二店'}`, kind: 'outlet', parentCode: op.code, regionCode: county.regionCode });
      }
    }
  }
  for (const unit of MEMBER_UNITS) {
    await create({ code: unit.code, name: unit.name, kind: 'member_unit', parentCode: city.code, regionCode: CITY.regionCode });
  }

  await seedRoutingRules(deps, rng);

  // One demo account per role; station officer and grid worker share a county, the bank liaison sits in the first bank.
  const demoOrg: Record<Role, string> = {
    admin: city.code,
    center_analyst: city.code,
    center_leader: city.code,
    viewer: city.code,
    station_officer: firstUnits.station ?? '',
    grid_worker: firstUnits.grid ?? '',
    bank_liaison: BANKS[0].code,
    operator_liaison: OPERATORS[0].code,
    member_contact: MEMBER_UNITS[0].code,
  };
  for (const role of ROLES) await addUser(role, demoOrg[role], demoUsername(role));
  const warnings = await seedWarnings(deps, rng, opts.warnings ?? WARNINGS_PER_SCALE[opts.scale], opts.onProgress ? (d, t) => opts.onProgress?.(d, t, 'warnings') : undefined);

  const caseCount = opts.cases ?? CASES_PER_SCALE[opts.scale];
  const cases = await seedCases(deps, rng, caseCount, opts.onProgress ? (d, t) => opts.onProgress?.(d, t, 'cases') : undefined);
  // Two cards and key persons scale with the cases (none when a test asks for an empty year).
  if (caseCount > 0) {
    await seedCards(deps, rng, opts.scale === 'city' ? 10 : 1);
    await seedRestrictions(deps, rng, opts.scale === 'city' ? 10 : 1);
  }
  // The joint-meeting office: meetings with their tasks and the responsibility letters (not in a test's empty year).
  if (caseCount > 0) await seedLiaison(deps);
  // The year before (for 同比) and the figures from outside (电诈占比, APP注册率); none for an empty year.
  if (caseCount > 0) await seedStatsHistory(deps, opts.seed ?? 20_240_101, { warnings: opts.warnings ?? WARNINGS_PER_SCALE[opts.scale], cases: caseCount }, opts.onProgress);
  if (caseCount > 0) await seedRisk(deps, opts.seed ?? 20_240_101); // a week of a bank's monitored transactions, alerts in every state

  const orgCount = await orgsRepo.countByKind(deps.db, await cityScope(deps));
  return {
    seeded: true,
    password,
    accounts: await demoAccounts(deps),
    orgs: Object.values(orgCount).reduce((a, b) => a + b, 0),
    users: userCount,
    warnings: warnings.warnings,
    cases: cases.cases,
  };
}

async function demoAccounts(deps: Deps): Promise<SeedResult['accounts']> {
  const rows = await usersRepo.findByUsernames(deps.db, ROLES.map(demoUsername));
  return ROLES.flatMap((role) =>
    rows.filter((r) => r.username === demoUsername(role)).map((r) => ({ username: r.username, role: r.role, orgCode: r.org_code, orgName: r.org_name })),
  );
}

/**
 * Routing rules of the demo city: each station and township's name as an address keyword (so "城东"
 * in an address reaches 城东派出所 of that county), and a few 7-digit phone segments per county.
 */
async function seedRoutingRules(deps: Deps, rng: Rng): Promise<void> {
  const units = await orgsRepo.listInScope(deps.db, await cityScope(deps), {});
  for (const u of units.filter((o) => o.kind === 'station' || o.kind === 'township')) {
    const county = units.find((c) => c.id === u.parent_id);
    const keyword = county ? u.name.slice(county.name.length).replace(/派出所$/, '') : u.name;
    await createRule(deps, seedCtx, null, { kind: 'keyword', pattern: keyword, orgCode: u.code, priority: 0 });
  }
  const used = new Set<string>();
  for (const county of units.filter((o) => o.kind === 'county')) {
    for (let added = 0; added < 6; ) {
      const pattern = `${rng.pick(MOBILE_PREFIX_LIST)}${rng.digits(4)}`;
      if (used.has(pattern)) continue;
      used.add(pattern);
      await createRule(deps, seedCtx, null, { kind: 'phone_prefix', pattern, orgCode: county.code, priority: 0 });
      added++;
    }
  }
}

async function cityScope(deps: Deps) {
  const city = await orgsRepo.findByCode(deps.db, null, CITY.code);
  if (!city) throw new Error('the demo city is missing');
  return { rootId: city.id, rootCode: city.code, rootPath: city.path, rootKind: 'city' as const, everything: true, partner: false };
}
