/**
 * The peer: json-rules-engine (npm `json-rules-engine`) evaluating the same per-transaction rules as the risk
 * engine, built from the same rule set's parameters. Mirrors src/engines/risk/engine.ts as of commit 21c0bf7;
 * the benchmark checks, on a prefix of the stream, that both still decide alike.
 *
 * json-rules-engine keeps no state, so the peer keeps the engine's own per-account state in plain JS:
 *  - the same `AccountTable` (src/engines/risk/state.ts: 24-hour counters in two day-buckets, the last 8 inflows
 *    and outflows per account, the current run of inflows) updated exactly as `RiskEngine.ingest` does it
 *    (counters, distinct and new counterparties, night and under-limit counts, cash-out sums, pass-throughs);
 *  - per account scored, the window features computed from it in JS and handed to `engine.run(facts)` as
 *    runtime facts (one run per scored account: the sender, the receiver, and the payees a strong spreader
 *    names, as in the engine; cash points are not scored). Ratios the engine tests as products
 *    (`inSum ≥ minAvg × inCount`) are handed as ready facts (`inAvg`), since a json-rules-engine condition
 *    compares a fact with a constant;
 *  - the rules (conditions `all`/`any` over those facts with `greaterThanInclusive`, `lessThanInclusive`,
 *    `equal`) are the nine per-account rules of the rule set: fast_in_out, fan_in, fan_out, gather_scatter,
 *    new_account_volume, night_burst, just_under_limit, cash_out_after_inflow, listed_counterparty;
 *  - after the run, the events that fired are scored in JS like the engine: the rule's strength from the same
 *    formula, remembered per account for 24 hours, typology score = Σ weight × strength, review / hold / block
 *    by the same thresholds and interdiction marks, one alert per account per dedup window, and for accounts
 *    at review or above the same hits with their reason texts (src/engines/risk/reasons.ts). The "next layer"
 *    marking of a strong spreader's new payees (engine.ts, end of `ingest`) is done in JS too.
 *
 * What the peer does NOT do: the graph searches (cycle, scatter_gather, bipartite) and the layered-chain
 * tracking (stack). They are not per-transaction conditions over an account's features and json-rules-engine
 * has no way to express them; the peer therefore does strictly less work than the engine. With those four rules
 * switched off in the engine, the two must decide every transaction alike; the benchmark counts the
 * differences (`checkAgainstEngineDecisions`).
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import { DECISION_RANK, RULE_IDS, type Decision, type RuleId, type RuleSet } from '../../src/engines/risk/config.ts';
import { reasonOf, subRuleOf } from '../../src/engines/risk/reasons.ts';
import {
  AccountTable,
  C_CASH_OUT_SUM,
  C_DISTINCT_IN,
  C_DISTINCT_OUT,
  C_IN_COUNT,
  C_IN_SUM,
  C_NEW_PAYEES,
  C_NIGHT_COUNT,
  C_NIGHT_SUM,
  C_OUT_COUNT,
  C_OUT_SINCE,
  C_OUT_SUM,
  C_PASS,
  C_UNDER_LIMIT,
  CS,
  F_CASH,
  F_FIRST,
  F_LAST,
  F_LAST_IN_AT,
  F_LISTED,
  F_PASS_IN_AT,
  LISTED_KINDS,
  RING,
  RING3,
  SC,
  toSec,
  underLimit,
  WINDOW_SEC,
  type ListedKind,
} from '../../src/engines/risk/state.ts';
import type { Tx } from '../../src/engines/risk/types.ts';

/** The rules the peer evaluates (the per-account ones); the graph rules are left to the engine. */
export const PEER_RULES = [
  'fast_in_out',
  'fan_in',
  'fan_out',
  'gather_scatter',
  'new_account_volume',
  'night_burst',
  'just_under_limit',
  'cash_out_after_inflow',
  'listed_counterparty',
] as const satisfies readonly RuleId[];
export const GRAPH_RULES: readonly RuleId[] = ['cycle', 'scatter_gather', 'bipartite', 'stack'];

const DAY = 86_400;
const R = RULE_IDS.length;
const ruleNo = Object.fromEntries(RULE_IDS.map((r, i) => [r, i])) as Record<RuleId, number>;
const DECISIONS: Decision[] = ['allow', 'review', 'hold', 'block'];

/** What is handed to json-rules-engine for one account (all numbers; see `facts`). */
export interface AccountFacts {
  passCount: number;
  distinctIn: number;
  distinctOut: number;
  newPayees: number;
  inCount: number;
  outCount: number;
  inSum: number;
  outSum: number;
  inAvg: number;
  fundedShare: number;
  outInShare: number;
  ageDays: number;
  sinceStartDays: number;
  volume: number;
  txCount: number;
  nightCount: number;
  nightSum: number;
  underCount: number;
  lastUnder: number;
  recentIn: number;
  cashOut: number;
  cashOutShare: number;
  cashMinutes: number;
  ownListed: number;
  counterpartyListed: number;
  listedRole: number;
  listedKind: number;
}

const gte = (fact: keyof AccountFacts, value: number) => ({ fact, operator: 'greaterThanInclusive', value });
const lte = (fact: keyof AccountFacts, value: number) => ({ fact, operator: 'lessThanInclusive', value });

/** The rule set's per-account rules as json-rules-engine rules (only the enabled ones). */
export function peerRules(rs: RuleSet): RuleProperties[] {
  const p = rs.params;
  const all: Record<(typeof PEER_RULES)[number], RuleProperties['conditions']> = {
    fast_in_out: { all: [gte('passCount', 0.999)] },
    fan_in: { all: [gte('distinctIn', p.fan_in.minPayers), gte('inSum', p.fan_in.minTotalYuan), gte('inAvg', p.fan_in.minAvgYuan)] },
    fan_out: { all: [gte('distinctOut', p.fan_out.minPayees), gte('outSum', p.fan_out.minTotalYuan), gte('fundedShare', p.fan_out.minFundedShare)] },
    gather_scatter: {
      all: [gte('distinctIn', p.gather_scatter.minPayers), gte('distinctOut', p.gather_scatter.minPayees), gte('inSum', p.gather_scatter.minTotalYuan), gte('outInShare', p.gather_scatter.minShare)],
    },
    new_account_volume: {
      all: [lte('ageDays', p.new_account_volume.newDays), gte('sinceStartDays', p.new_account_volume.warmupDays), gte('volume', p.new_account_volume.minInYuan), gte('txCount', p.new_account_volume.minCount)],
    },
    night_burst: { all: [gte('nightCount', p.night_burst.minCount), gte('nightSum', p.night_burst.minYuan)] },
    just_under_limit: { all: [gte('underCount', p.just_under_limit.minCount)] },
    cash_out_after_inflow: { all: [gte('recentIn', p.cash_out_after_inflow.minYuan), gte('cashOutShare', p.cash_out_after_inflow.minShare)] },
    listed_counterparty: {
      any: [
        { fact: 'ownListed', operator: 'equal', value: 1 },
        { fact: 'counterpartyListed', operator: 'equal', value: 1 },
      ],
    },
  };
  return PEER_RULES.filter((r) => rs.rules[r].enabled).map((r) => ({ name: r, conditions: all[r as keyof typeof all], event: { type: r } }));
}

export interface PeerVerdict {
  decision: Decision;
  /** accounts at review or above, with their hits (rule, strength, reason) */
  accounts: { account: string; decision: Decision; score: number; hits: { rule: RuleId; subRule: string; strength: number; reason: string }[] }[];
  alerts: number;
}

const ALLOW: PeerVerdict = Object.freeze({ decision: 'allow', accounts: [], alerts: 0 }) as PeerVerdict;

interface PatternHit {
  account: number;
  rule: number;
  strength: number;
  f0: number;
  f1: number;
  f2: number;
}

export class PeerEngine {
  readonly table = new AccountTable(1024);
  private readonly rules: Engine;
  private readonly enabled = new Uint8Array(R);
  private readonly mark = new Uint8Array(R);
  private readonly typologies: { id: string; w: Float32Array; review: number; interdict: number }[];
  private readonly memory = new Map<number, { at: number; s: Float32Array }>();
  private readonly alerted = new Map<number, { at: number; rank: number }>();
  private readonly listedByKey = new Map<string, number>();
  private readonly dedupSec: number;
  private readonly patterns: PatternHit[] = [];
  private startSec = Number.NaN;
  private readonly s = new Float32Array(R);
  private readonly f = new Float64Array(R * 3);
  processed = 0;
  runs = 0;
  events = 0;

  constructor(private readonly rs: RuleSet) {
    this.rules = new Engine(peerRules(rs), { allowUndefinedFacts: false });
    RULE_IDS.forEach((r, i) => {
      this.enabled[i] = (PEER_RULES as readonly RuleId[]).includes(r) && rs.rules[r].enabled ? 1 : 0;
      const m = rs.rules[r].interdict;
      this.mark[i] = m ? DECISION_RANK[m] : 0;
    });
    this.typologies = rs.typologies.map((t) => {
      const w = new Float32Array(R);
      for (const [r, weight] of Object.entries(t.weights)) w[ruleNo[r as RuleId]] = weight ?? 0;
      return { id: t.id, w, review: t.review, interdict: t.interdict };
    });
    this.dedupSec = rs.alertDedupHours * 3600;
  }

  /** The center's lists, as `RiskEngine.setLists` takes them (set before the first transaction). */
  setLists(entries: Iterable<readonly [string, ListedKind]>): void {
    for (const [k, kind] of entries) this.listedByKey.set(k, LISTED_KINDS.indexOf(kind));
  }

  private account(key: string, bank: string, sec: number, isCash: boolean): number {
    const t = this.table;
    const before = t.size;
    const i = t.ensure(key, bank, sec, isCash);
    if (t.size !== before && this.listedByKey.size) t.sc[i * SC + F_LISTED] = this.listedByKey.get(key) ?? 0;
    return i;
  }

  async process(tx: Tx): Promise<PeerVerdict> {
    const { u, v, sec } = this.ingest(tx);
    let decision: Decision = 'allow';
    let accounts: PeerVerdict['accounts'] | null = null;
    let alerts = 0;
    const consider = async (i: number, role: 0 | 1 | 2, other: number) => {
      if (this.table.sc[i * SC + F_CASH]) return;
      const r = await this.score(i, sec, role, other);
      if (!r) return;
      accounts ??= [];
      accounts.push(r.v);
      if (DECISION_RANK[r.v.decision] > DECISION_RANK[decision]) decision = r.v.decision;
      if (r.alert) alerts++;
    };
    await consider(u, 0, v);
    if (v !== u) await consider(v, 1, u);
    const seen: number[] = [];
    for (const h of this.patterns) {
      if (h.account === u || h.account === v || seen.includes(h.account)) continue;
      seen.push(h.account);
      await consider(h.account, 2, -1);
    }
    this.patterns.length = 0;
    if (!accounts || decision === 'allow') return ALLOW;
    return { decision, accounts, alerts };
  }

  private pattern(account: number, rule: number, strength: number, f0: number, f1: number, f2: number): void {
    for (const h of this.patterns) {
      if (h.account === account && h.rule === rule) {
        if (strength > h.strength) Object.assign(h, { strength, f0, f1, f2 });
        return;
      }
    }
    this.patterns.push({ account, rule, strength, f0, f1, f2 });
  }

  /** Fan-out and gather-scatter strengths of an account (after `weigh`), as the engine's `spread`. */
  private spread(i: number, dIn: number, dOut: number, inSum: number, outSum: number): { fanOut: number; gatherScatter: number } {
    const p = this.rs.params;
    const r = { fanOut: 0, gatherScatter: 0 };
    if (dOut < Math.min(p.fan_out.minPayees, p.gather_scatter.minPayees)) return r;
    const newShare = Math.min(1, this.table.win(i, C_NEW_PAYEES) / dOut / 0.5);
    if (dOut >= p.fan_out.minPayees && outSum >= p.fan_out.minTotalYuan && inSum >= p.fan_out.minFundedShare * outSum) {
      r.fanOut = (0.5 + 0.5 * Math.min(1, (dOut - p.fan_out.minPayees) / p.fan_out.minPayees)) * (0.5 + 0.5 * newShare);
    }
    const g = p.gather_scatter;
    if (dIn >= g.minPayers && dOut >= g.minPayees && inSum >= g.minTotalYuan && outSum >= g.minShare * inSum) {
      r.gatherScatter = Math.min(1, 0.7 + 0.05 * (dIn + dOut - g.minPayers - g.minPayees)) * (0.5 + 0.5 * newShare);
    }
    return r;
  }

  /** The state update of `RiskEngine.ingest` without the graph searches and the layered-chain tracking. */
  private ingest(tx: Tx): { u: number; v: number; sec: number } {
    const sec = toSec(tx.at);
    if (Number.isNaN(this.startSec)) this.startSec = sec;
    this.processed++;
    const t = this.table;
    const p = this.rs.params;
    const u = this.account(tx.from, tx.fromBank, sec, tx.channel === 'cash_in');
    const v = this.account(tx.to, tx.toBank, sec, tx.channel === 'cash_out');
    const yuan = tx.amount / 100;
    t.roll(u, sec);
    t.roll(v, sec);
    this.patterns.length = 0;
    t.record(u, v, sec, yuan, p, this.startSec);
    if (t.sc[u * SC + F_CASH] === 0) {
      // pass-through: the sender forwards money that arrived within the dwell time
      const fio = p.fast_in_out;
      const dwell = fio.dwellMinutes * 60;
      let inSum = 0;
      let latestIn = -1;
      const o = u * RING3;
      for (let k = 0; k < RING; k++) {
        const ti = t.inR[o + 3 * k + 1] ?? 0;
        if ((t.inR[o + 3 * k] ?? 0) >= 0 && ti <= sec && sec - ti <= dwell) {
          inSum += t.inF[o + 3 * k + 2] ?? 0;
          if (ti > latestIn) latestIn = ti;
        }
      }
      if (latestIn >= 0 && inSum >= fio.minYuan) {
        const outSum = sec - (t.sc[u * SC + F_LAST_IN_AT] ?? 0) <= 2 * dwell ? (t.counters[u * CS + C_OUT_SINCE] ?? 0) : 0;
        if (outSum >= fio.minShare * inSum && t.sc[u * SC + F_PASS_IN_AT] !== latestIn) {
          t.sc[u * SC + F_PASS_IN_AT] = latestIn;
          t.add(u, C_PASS, 1);
        }
      }
    }
    // a strong spreader's recent payees that are new accounts are the next layer (engine.ts, end of ingest)
    if (t.sc[u * SC + F_CASH] === 0 && (this.enabled[ruleNo.fan_out] || this.enabled[ruleNo.gather_scatter])) {
      t.weigh(u, sec);
      const spread = this.spread(u, t.win(u, C_DISTINCT_IN), t.win(u, C_DISTINCT_OUT), t.win(u, C_IN_SUM), t.win(u, C_OUT_SUM));
      const rule = spread.gatherScatter >= spread.fanOut ? ruleNo.gather_scatter : ruleNo.fan_out;
      const strength = Math.max(spread.fanOut, spread.gatherScatter);
      if (strength >= 0.75 && this.enabled[rule] && t.win(u, C_PASS) >= 1) {
        const na = p.new_account_volume;
        const o = u * RING3;
        for (let k = 0; k < RING; k++) {
          const cp = t.outR[o + 3 * k] ?? -1;
          if (cp < 0 || cp === u || t.sc[cp * SC + F_CASH] !== 0 || sec - (t.outR[o + 3 * k + 1] ?? 0) > WINDOW_SEC) continue;
          const first = t.sc[cp * SC + F_FIRST] ?? 0;
          if (sec - first <= na.newDays * DAY && first - this.startSec >= na.warmupDays * DAY) this.pattern(cp, rule, 0.85, 0, 1, 0);
        }
      }
    }
    t.sc[u * SC + F_LAST] = sec;
    t.sc[v * SC + F_LAST] = sec;
    return { u, v, sec };
  }

  /** The account's window features, computed in JS from the state (what the engine reads in `score`). */
  facts(i: number, sec: number, role: 0 | 1 | 2, other: number): AccountFacts {
    const t = this.table;
    const p = this.rs.params;
    t.weigh(i, sec);
    const inCount = t.win(i, C_IN_COUNT);
    const outCount = t.win(i, C_OUT_COUNT);
    const inSum = t.win(i, C_IN_SUM);
    const outSum = t.win(i, C_OUT_SUM);
    const first = t.sc[i * SC + F_FIRST] ?? 0;
    let recentIn = 0;
    let cashOut = 0;
    let firstIn = sec;
    if (t.win(i, C_CASH_OUT_SUM) > 0) {
      const within = p.cash_out_after_inflow.withinMinutes * 60;
      const o = i * RING3;
      for (let k = 0; k < RING; k++) {
        if ((t.inR[o + 3 * k] ?? 0) >= 0 && sec - (t.inR[o + 3 * k + 1] ?? 0) <= within) {
          recentIn += t.inF[o + 3 * k + 2] ?? 0;
          firstIn = Math.min(firstIn, t.inR[o + 3 * k + 1] ?? 0);
        }
      }
      for (let k = 0; k < RING; k++) {
        const cp = t.outR[o + 3 * k] ?? 0;
        if (cp >= 0 && t.sc[cp * SC + F_CASH] && (t.outR[o + 3 * k + 1] ?? 0) >= firstIn) cashOut += t.outF[o + 3 * k + 2] ?? 0;
      }
    }
    const own = role === 0 ? (t.sc[i * SC + F_LISTED] ?? 0) : 0;
    const otherListed = other >= 0 ? (t.sc[other * SC + F_LISTED] ?? 0) : 0;
    const under = t.win(i, C_UNDER_LIMIT);
    return {
      passCount: t.win(i, C_PASS),
      distinctIn: t.win(i, C_DISTINCT_IN),
      distinctOut: t.win(i, C_DISTINCT_OUT),
      newPayees: t.win(i, C_NEW_PAYEES),
      inCount,
      outCount,
      inSum,
      outSum,
      inAvg: inCount > 0 ? inSum / inCount : 0,
      fundedShare: outSum > 0 ? inSum / outSum : 0,
      outInShare: inSum > 0 ? outSum / inSum : 0,
      ageDays: (sec - first) / DAY,
      sinceStartDays: (first - this.startSec) / DAY,
      volume: Math.max(inSum, outSum),
      txCount: inCount + outCount,
      nightCount: t.win(i, C_NIGHT_COUNT),
      nightSum: t.win(i, C_NIGHT_SUM),
      underCount: under,
      lastUnder: under >= p.just_under_limit.minCount ? lastUnderLimit(t, i, p.just_under_limit.limitsYuan, p.just_under_limit.belowShare) : 0,
      recentIn,
      cashOut,
      cashOutShare: recentIn > 0 ? Math.min(1, cashOut / recentIn) : 0,
      cashMinutes: (sec - firstIn) / 60,
      ownListed: own ? 1 : 0,
      counterpartyListed: otherListed ? 1 : 0,
      listedRole: own ? 1 : role === 0 ? 2 : 3,
      listedKind: own || otherListed,
    };
  }

  private hit(r: number, strength: number, a: number, b: number, c: number): boolean {
    if (!this.enabled[r] || strength <= (this.s[r] ?? 0)) return false;
    this.s[r] = strength;
    this.f[r * 3] = a;
    this.f[r * 3 + 1] = b;
    this.f[r * 3 + 2] = c;
    return true;
  }

  private async score(i: number, sec: number, role: 0 | 1 | 2, other: number): Promise<{ v: PeerVerdict['accounts'][number]; alert: boolean } | null> {
    const p = this.rs.params;
    const x = this.facts(i, sec, role, other);
    // only the facts the conditions read are handed over (every runtime fact is wrapped and hashed per run)
    const { events } = await this.rules.run({
      passCount: x.passCount,
      distinctIn: x.distinctIn,
      distinctOut: x.distinctOut,
      inSum: x.inSum,
      outSum: x.outSum,
      inAvg: x.inAvg,
      fundedShare: x.fundedShare,
      outInShare: x.outInShare,
      ageDays: x.ageDays,
      sinceStartDays: x.sinceStartDays,
      volume: x.volume,
      txCount: x.txCount,
      nightCount: x.nightCount,
      nightSum: x.nightSum,
      underCount: x.underCount,
      recentIn: x.recentIn,
      cashOutShare: x.cashOutShare,
      ownListed: x.ownListed,
      counterpartyListed: x.counterpartyListed,
    });
    this.runs++;
    const s = this.s;
    s.fill(0);
    let any = false;
    // strengths and facts of each rule that fired, by the engine's formulas
    const newShare = x.distinctOut > 0 ? Math.min(1, x.newPayees / x.distinctOut / 0.5) : 0;
    for (const e of events) {
      this.events++;
      let fired = false;
      switch (e.type as RuleId) {
        case 'fast_in_out':
          fired = this.hit(ruleNo.fast_in_out, Math.min(1, x.passCount / p.fast_in_out.fullAt), x.passCount, p.fast_in_out.dwellMinutes, 0);
          break;
        case 'fan_in':
          fired = this.hit(ruleNo.fan_in, 0.5 + 0.5 * Math.min(1, (x.distinctIn - p.fan_in.minPayers) / p.fan_in.minPayers), x.distinctIn, x.inSum, 0);
          break;
        case 'fan_out':
          fired = this.hit(ruleNo.fan_out, (0.5 + 0.5 * Math.min(1, (x.distinctOut - p.fan_out.minPayees) / p.fan_out.minPayees)) * (0.5 + 0.5 * newShare), x.distinctOut, x.outSum, 0);
          break;
        case 'gather_scatter': {
          const g = p.gather_scatter;
          fired = this.hit(ruleNo.gather_scatter, Math.min(1, 0.7 + 0.05 * (x.distinctIn + x.distinctOut - g.minPayers - g.minPayees)) * (0.5 + 0.5 * newShare), x.distinctIn, x.distinctOut, 0);
          break;
        }
        case 'new_account_volume':
          fired = this.hit(ruleNo.new_account_volume, Math.min(1, 0.5 * (x.volume / p.new_account_volume.minInYuan)), x.ageDays, x.volume, x.txCount);
          break;
        case 'night_burst':
          fired = this.hit(ruleNo.night_burst, Math.min(1, x.nightCount / (2 * p.night_burst.minCount)), x.nightCount, x.nightSum, 0);
          break;
        case 'just_under_limit':
          fired = this.hit(ruleNo.just_under_limit, Math.min(1, x.underCount / (2 * p.just_under_limit.minCount)), x.underCount, x.lastUnder, 0);
          break;
        case 'cash_out_after_inflow': {
          const c = p.cash_out_after_inflow;
          fired = this.hit(ruleNo.cash_out_after_inflow, 0.6 + (0.4 * (x.cashOutShare - c.minShare)) / Math.max(0.01, 1 - c.minShare), x.recentIn, x.cashOut, x.cashMinutes);
          break;
        }
        case 'listed_counterparty':
          fired = this.hit(ruleNo.listed_counterparty, 1, 0, x.listedRole, x.listedKind);
          break;
        default:
          break;
      }
      any ||= fired;
    }
    for (const h of this.patterns) if (h.account === i) any = this.hit(h.rule, h.strength, h.f0, h.f1, h.f2) || any;
    let mem = this.memory.get(i);
    if (mem && sec - mem.at > WINDOW_SEC) {
      this.memory.delete(i);
      mem = undefined;
    }
    if (!any && !mem) return null;
    if (any) {
      if (!mem) this.memory.set(i, (mem = { at: sec, s: new Float32Array(R) }));
      mem.at = sec;
      for (let r = 0; r < R; r++) if ((s[r] ?? 0) > (mem.s[r] ?? 0)) mem.s[r] = s[r] ?? 0;
    }
    const ms = mem ? mem.s : s;
    let best = 0;
    let rank = 0;
    for (const typ of this.typologies) {
      let score = 0;
      let strongest = 0;
      for (let r = 0; r < R; r++) {
        const w = typ.w[r] ?? 0;
        if (w === 0) continue;
        const sr = Math.max(s[r] ?? 0, ms[r] ?? 0);
        if (sr === 0) continue;
        score += w * sr;
        if ((this.mark[r] ?? 0) > strongest) strongest = this.mark[r] ?? 0;
      }
      if (score > 1) score = 1;
      let typRank = 0;
      if (score >= typ.interdict && strongest >= 2) typRank = strongest;
      else if (score >= typ.review) typRank = 1;
      if (typRank > rank || (typRank === rank && score > best)) {
        rank = Math.max(rank, typRank);
        best = score;
      }
    }
    if (rank === 0) return null;
    const hits: PeerVerdict['accounts'][number]['hits'] = [];
    for (let r = 0; r < R; r++) {
      const rule = RULE_IDS[r] as RuleId;
      if ((s[r] ?? 0) > 0) {
        const facts = [this.f[r * 3] ?? 0, this.f[r * 3 + 1] ?? 0, this.f[r * 3 + 2] ?? 0];
        hits.push({ rule, subRule: subRuleOf(rule, facts), strength: Math.round((s[r] ?? 0) * 100) / 100, reason: reasonOf(rule, facts) });
      } else if ((ms[r] ?? 0) > 0) {
        hits.push({ rule, subRule: `${rule}.earlier`, strength: Math.round((ms[r] ?? 0) * 100) / 100, reason: `${rule}（24小时内已触发）` });
      }
    }
    hits.sort((a, b) => b.strength - a.strength);
    let alert = false;
    const prev = this.alerted.get(i);
    if (!prev || sec - prev.at > this.dedupSec || rank > prev.rank) {
      this.alerted.set(i, { at: sec, rank });
      alert = true;
    }
    return { v: { account: this.table.keys[i] ?? '', decision: DECISIONS[rank] ?? 'allow', score: Math.round(best * 100) / 100, hits }, alert };
  }
}

function lastUnderLimit(t: AccountTable, i: number, limits: readonly number[], share: number): number {
  const o = i * RING3;
  let best = 0;
  let at = -Infinity;
  for (let k = 0; k < RING; k++) {
    const a = t.outF[o + 3 * k + 2] ?? 0;
    if ((t.outR[o + 3 * k] ?? 0) >= 0 && (t.outR[o + 3 * k + 1] ?? 0) > at && underLimit(a, limits, share)) {
      best = a;
      at = t.outR[o + 3 * k + 1] ?? 0;
    }
  }
  return best;
}

/** The rule set with the graph rules switched off: what the peer evaluates. */
export function withoutGraphRules(rs: RuleSet): RuleSet {
  const copy = structuredClone(rs);
  for (const r of GRAPH_RULES) copy.rules[r].enabled = false;
  return copy;
}

export interface CheckResult {
  transactions: number;
  /** transactions decided alike by the peer and by the engine with the graph rules off */
  agree: number;
  /** per decision pair "engine→peer", the transactions that differ */
  differing: Record<string, number>;
  flaggedByEngine: number;
  flaggedByPeer: number;
  /** flagged transactions on which both name the same accounts, decisions, scores, rules, strengths and reasons */
  sameHits: number;
  /** flagged by the full engine (graph rules on): the peer misses what only the graph searches find */
  flaggedByFullEngine: number;
}

type Comparable = { decision: string; accounts: { account: string; decision: string; score: number; hits: { subRule: string; strength: number; reason: string }[] }[] };

/** Compares the peer's decisions with the engine's (graph rules off) on the same transactions. */
export function checkAgainstEngineDecisions(engine: readonly Comparable[], peer: readonly Comparable[], full: readonly Comparable[]): CheckResult {
  const out: CheckResult = { transactions: engine.length, agree: 0, differing: {}, flaggedByEngine: 0, flaggedByPeer: 0, sameHits: 0, flaggedByFullEngine: 0 };
  // earlier hits carry the rule's Chinese name in the engine and its id in the peer: compare them without the text
  const key = (x: Comparable) =>
    x.accounts.map((a) => `${a.account}:${a.decision}:${a.score}:${a.hits.map((h) => `${h.subRule}/${h.strength}/${h.subRule.endsWith('.earlier') ? '' : h.reason}`).join(',')}`).join(';');
  for (let i = 0; i < engine.length; i++) {
    const a = engine[i];
    const b = peer[i];
    if (!a || !b) continue;
    if ((full[i]?.decision ?? 'allow') !== 'allow') out.flaggedByFullEngine++;
    if (a.decision !== 'allow') out.flaggedByEngine++;
    if (b.decision !== 'allow') out.flaggedByPeer++;
    if (a.decision === b.decision) {
      out.agree++;
      if (a.decision !== 'allow' && key(a) === key(b)) out.sameHits++;
    } else {
      const k = `${a.decision}→${b.decision}`;
      out.differing[k] = (out.differing[k] ?? 0) + 1;
    }
  }
  return out;
}
