/**
 * Deterministic partner warnings for the intake benchmark: the HTTP sender (child process) and the
 * plain-INSERT floor generate the very same items from the same seed. The mix aims at what routing
 * sees in the demo city: most items carry a county region code and an address naming a station or
 * township (keyword routing), some only a region, some neither (phone segment or triage).
 */
import { COUNTIES, UNIT_NAMES } from '../../src/demo/city.ts';
import { mobilePhone, personName } from '../../src/demo/people.ts';
import { Rng } from '../../src/demo/random.ts';
import type { WarningInput } from '../../src/modules/warnings/warnings.schema.ts';
import type { WarningLevel } from '../../src/modules/warnings/warning-workflow.ts';

const SOURCES = ['96110', 'bank:ICBC', 'bank:CCB', 'operator:CMCC', 'operator:CUCC', 'province'] as const;
const ROADS = ['人民', '解放', '建设', '和平', '胜利', '中山', '文化', '新华'];
/** Share of items whose victim was already warned earlier in the run (repeat victims feed the register). */
export const REPEAT_SHARE = Number(process.env.BENCH_REPEAT_SHARE ?? 0.05);

function level(r: number): WarningLevel {
  return r < 0.1 ? 'emergency' : r < 0.4 ? 'high' : 'normal';
}

/** `2026-11-28T09:59:30+08:00`: partners send local time with an offset. */
export function isoBeijing(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** The keyword a station or township is found by in an address (as the demo seed's routing rules). */
function unitKeyword(name: string): string {
  return name.replace(/派出所$/, '');
}

export function warningItems(count: number, seed: number, now: Date): WarningInput[] {
  const rng = new Rng(seed);
  const items: WarningInput[] = [];
  const phones: string[] = [];
  for (let i = 0; i < count; i++) {
    const county = rng.pick(COUNTIES);
    const units = county.urban ? UNIT_NAMES.urban : UNIT_NAMES.rural;
    const shape = rng.next();
    const repeat = phones.length > 0 && rng.next() < REPEAT_SHARE;
    const victimPhone = repeat ? rng.pick(phones) : mobilePhone(rng);
    if (!repeat) phones.push(victimPhone);
    const address = `示例市${county.name}${unitKeyword(rng.pick(units))}${rng.pick(ROADS)}路${rng.int(1, 300)}号`;
    items.push({
      externalId: `bench-${seed}-${i}`,
      source: rng.pick(SOURCES),
      level: level(rng.next()),
      victimPhone,
      ...(rng.next() < 0.7 ? { victimName: personName(rng) } : {}),
      // 80 %: region and address (keyword), 10 %: region only, 10 %: neither (phone segment or triage).
      ...(shape < 0.9 ? { regionCode: county.regionCode } : {}),
      ...(shape < 0.8 ? { address } : {}),
      detectedAt: isoBeijing(new Date(now.getTime() - rng.int(5, 600) * 1000)),
    });
  }
  return items;
}
