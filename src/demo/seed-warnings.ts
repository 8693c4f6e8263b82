import type { FraudType } from '../lib/fraud-types.ts';
import type { Deps } from '../server/context.ts';
import { insertAttempts, insertEvents, insertHistoric, linkRepeats, loadRouting, type HistoricWarningRow, type NewEvent } from '../modules/warnings/warnings.repo.ts';
import { Router } from '../modules/warnings/routing.ts';
import { DEFAULT_DEADLINES, type Outcome, type WarningLevel } from '../modules/warnings/warning-workflow.ts';
import { COUNTIES, UNIT_NAMES } from './city.ts';
import { mobilePhone, personName } from './people.ts';
import type { Rng } from './random.ts';

/** Share of each fraud type among warnings (刷单返利 the largest, as in seed 003). */
export const FRAUD_MIX: [FraudType, number][] = [
  ['刷单返利', 0.36], ['虚假网络投资理财', 0.15], ['贷款代办信用卡', 0.1], ['冒充电商物流客服', 0.1], ['虚假征信', 0.06],
  ['虚假购物服务', 0.06], ['冒充公检法', 0.05], ['冒充领导熟人', 0.05], ['网络游戏虚假交易', 0.03], ['网络婚恋交友', 0.02],
  ['冒充军警购物', 0.01], ['网黑', 0.005], ['其他', 0.005],
];
const OUTCOME_MIX: [Outcome, number][] = [['dissuaded', 0.78], ['false_positive', 0.07], ['unreachable', 0.08], ['defrauded', 0.04], ['refused', 0.03]];
const LEVEL_MIX: [WarningLevel, number][] = [['emergency', 0.1], ['high', 0.3], ['normal', 0.6]];
const STREETS = ['路', '街', '小区', '村', '花园', '新村'];

export function weighted<T>(rng: Rng, mix: readonly [T, number][]): T {
  let x = rng.next();
  for (const [v, w] of mix) {
    if ((x -= w) < 0) return v;
  }
  const last = mix[mix.length - 1];
  if (!last) throw new Error('empty mix');
  return last[0];
}

export interface WarningSeedResult {
  warnings: number;
}

/**
 * A year of warnings for the demo city: the grade mix, fraud-type mix and outcomes of a real center,
 * routed by the same Router as live intake, with acknowledgements, attempts, closes (about one in ten
 * late), repeat victims, and a few days of open work, some of it overdue. With `yearsBack` the year lies that
 * many years further back (the year before for 同比): all of it closed, external ids of their own.
 */
export async function seedWarnings(deps: Deps, rng: Rng, count: number, onProgress?: (done: number, total: number) => void, opts: { yearsBack?: number } = {}): Promise<WarningSeedResult> {
  const now = deps.clock.now().getTime();
  const yearsBack = opts.yearsBack ?? 0;
  const shift = yearsBack * 365 * 86_400_000;
  const routing = await loadRouting(deps.db);
  if (!routing.triage) throw new Error('no city to triage to');
  const router = new Router(routing.orgs, routing.rules, routing.triage.id);
  const parentOf = new Map(routing.orgs.map((o) => [o.id, Number(o.path.split('/').filter(Boolean).at(-2) ?? 0)]));
  const repeatPool: { phone: string; name: string; age: number }[] = [];
  let done = 0;
  const CHUNK = 5000;
  for (let start = 0; start < count; start += CHUNK) {
    const rows: HistoricWarningRow[] = [];
    const plans: { attempts: { channel: string; at: number; result: string }[]; ack: number | null; close: number | null; outcome: Outcome | null; escalated: boolean }[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      // Most work is old and closed; the last few days hold the open queue.
      const repeat = repeatPool.length > 20 && rng.next() < 0.06 ? rng.pick(repeatPool) : null;
      // A repeat victim is warned again within weeks of the first time, as the vulnerable often are.
      const age = repeat
        ? Math.max(shift, repeat.age - rng.int(1, 25) * 86_400_000)
        : i % 40 === 0 && shift === 0
          ? rng.next() * 3 * 86_400_000
          : shift + rng.next() * 365 * 86_400_000;
      const received = now - age;
      const level = weighted(rng, LEVEL_MIX);
      const deadline = DEFAULT_DEADLINES[level] * 60_000;
      const person = repeat ?? { phone: mobilePhone(rng), name: personName(rng), age };
      if (!repeat && rng.next() < 0.03) repeatPool.push(person);
      const county = rng.pick(COUNTIES);
      const unit = rng.pick(county.urban ? UNIT_NAMES.urban : UNIT_NAMES.rural).replace(/派出所$/, '');
      const located = rng.next() < 0.93;
      const address = located ? `${county.name}${unit}${rng.pick(['建设', '和平', '人民', '幸福', '光明', '新华'])}${rng.pick(STREETS)}${rng.int(1, 199)}号` : null;
      const decision = router.route({ regionCode: located ? county.regionCode : null, address, phone: person.phone });
      const open = age < deadline * 1.5 && rng.next() < 0.7;
      const late = rng.next() < 0.1;
      const closeAt = open ? null : received + (late ? deadline * (1 + rng.next()) : deadline * rng.next() * 0.9);
      const outcome = closeAt === null ? null : weighted(rng, OUTCOME_MIX);
      const ack = closeAt !== null || rng.next() < 0.6 ? received + Math.min(deadline * 0.2, rng.int(5, 90) * 60_000) : null;
      const attempts: { channel: string; at: number; result: string }[] = [];
      if (ack !== null && outcome !== 'false_positive') {
        const end = closeAt ?? Math.min(now, received + deadline * 0.5);
        const first = ack + (end - ack) * rng.next() * 0.5;
        const result = outcome === 'unreachable' ? 'unreachable' : outcome === 'refused' ? 'refused' : 'reached';
        attempts.push({ channel: rng.next() < 0.7 ? 'call' : 'sms', at: first, result });
        if (outcome === 'refused' || rng.next() < 0.05) attempts.push({ channel: 'visit', at: first + (end - first) * 0.5, result });
      }
      const overdueOpen = closeAt === null && now > received + deadline;
      const dueAt = received + deadline;
      const parent = parentOf.get(decision.orgId);
      rows.push({
        source: 'province',
        externalId: yearsBack ? `demo-y${yearsBack}-${i + 1}` : `demo-${i + 1}`,
        level,
        status: closeAt !== null ? 'closed' : attempts.length ? 'in_progress' : ack !== null ? 'acknowledged' : decision.via === 'triage' ? 'received' : 'dispatched',
        victimPhone: person.phone,
        victimName: rng.next() < 0.7 ? person.name : null,
        victimIdNumber: null,
        address,
        regionCode: located ? county.regionCode : null,
        fraudType: weighted(rng, FRAUD_MIX),
        counterparty: null,
        note: null,
        detectedAt: new Date(received - rng.int(1, 30) * 60_000).toISOString(),
        receivedAt: new Date(received).toISOString(),
        dueAt: new Date(dueAt).toISOString(),
        assignedOrgId: decision.orgId,
        routedVia: decision.via,
        repeatOfId: null,
        acknowledgedAt: ack === null ? null : new Date(ack).toISOString(),
        firstAttemptAt: attempts[0] ? new Date(attempts[0].at).toISOString() : null,
        closedAt: closeAt === null ? null : new Date(closeAt).toISOString(),
        outcome,
        lossAmount: outcome === 'defrauded' ? `${rng.int(500, 200_000)}.00` : null,
        overdue: overdueOpen || (closeAt !== null && closeAt > dueAt),
        escalationLevel: overdueOpen && parent ? 1 : 0,
        escalatedOrgId: overdueOpen && parent ? parent : null,
        nextEscalationAt: closeAt !== null ? null : new Date(overdueOpen ? now + deadline : dueAt).toISOString(),
      });
      plans.push({ attempts, ack, close: closeAt, outcome, escalated: overdueOpen });
    }
    await deps.db.transaction().execute(async (trx) => {
      const ids = await insertHistoric(trx, rows);
      const events: NewEvent[] = [];
      const attemptRows: { warningId: number; channel: string; at: string; result: string; actorName: string }[] = [];
      ids.forEach((id, k) => {
        const r = rows[k];
        const plan = plans[k];
        if (!r || !plan) return;
        const ev = (kind: string, at: number, from: string | null, to: string | null, detail: Record<string, unknown> = {}) =>
          events.push({ warningId: id, at: new Date(at), kind, fromStatus: from, toStatus: to, actorType: 'system', actorId: null, actorName: 'demo', orgId: r.assignedOrgId, detail });
        const received = new Date(r.receivedAt).getTime();
        ev(r.routedVia === 'triage' ? 'triage' : 'dispatched', received, null, r.routedVia === 'triage' ? 'received' : 'dispatched', { routedVia: r.routedVia });
        if (plan.ack !== null) ev('acknowledged', plan.ack, 'dispatched', 'acknowledged');
        for (const a of plan.attempts) {
          attemptRows.push({ warningId: id, channel: a.channel, at: new Date(a.at).toISOString(), result: a.result, actorName: 'demo' });
          ev('attempt', a.at, 'acknowledged', 'in_progress', { channel: a.channel, result: a.result });
        }
        if (plan.escalated) ev('escalated', new Date(r.dueAt).getTime(), r.status, r.status, { level: 1 });
        if (plan.close !== null) ev('closed', plan.close, 'in_progress', 'closed', { outcome: plan.outcome, onTime: !r.overdue });
      });
      await insertAttempts(trx, attemptRows);
      await insertEvents(trx, events);
    });
    done += rows.length;
    onProgress?.(done, count);
  }
  await linkRepeats(deps.db, new Date(now - shift - 366 * 86_400_000), 30);
  return { warnings: done };
}

