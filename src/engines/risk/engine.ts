import { DECISION_RANK, RULE_IDS, type Decision, type RuleId, type RuleSet } from './config.ts';
import { reasonOf, subRuleOf } from './reasons.ts';
import {
  AccountTable,
  C_CASH_OUT_SUM,
  C_NEW_PAYEES,
  C_DISTINCT_IN,
  C_DISTINCT_OUT,
  C_IN_COUNT,
  C_IN_SUM,
  C_NIGHT_COUNT,
  C_NIGHT_SUM,
  C_OUT_COUNT,
  C_OUT_SUM,
  C_PASS,
  C_UNDER_LIMIT,
  LISTED_KINDS,
  C_OUT_SINCE,
  CS,
  F_BANK,
  F_CASH,
  F_CHAIN_AT,
  F_CHAIN_DEPTH,
  F_DIRTY,
  F_FIRST,
  F_LAST,
  F_LAST_IN_AT,
  F_LISTED,
  F_MEM_LIVE,
  F_MEM_SHADOW,
  F_PASS_IN_AT,
  RING,
  RING3,
  SC,
  toSec,
  underLimit,
  WINDOW_SEC,
  type AccountSnapshot,
  type ListedKind,
} from './state.ts';
import type { Tx } from './types.ts';

/**
 * The streaming risk engine: one call per transaction, in time order. It updates both accounts' sliding-window
 * state, runs the graph searches that start at this transaction (cycles, scatter-gather, bipartite groups,
 * layered chains), scores every account involved against the rule set's typologies and says allow / review /
 * hold / block with the reasons. Pure: no I/O, no clock – time is the transactions' own.
 *
 * A shadow rule set, when given, is scored on the same state next to the live one; its decisions are returned
 * for comparison and never act. The graph searches and the pass-through counting use the live parameters.
 */
export interface Hit {
  readonly rule: RuleId;
  readonly subRule: string;
  readonly strength: number;
  readonly reason: string;
}

/**
 * A hit keeps the rule's numbers and spells out its sub-rule and reason only when asked: most verdicts of a
 * flagged account's later transactions are never shown to anyone, and building the text is most of their cost.
 */
class LazyHit implements Hit {
  constructor(
    readonly rule: RuleId,
    readonly strength: number,
    private readonly facts: readonly number[] | null,
  ) {}
  get subRule(): string {
    return this.facts ? subRuleOf(this.rule, this.facts) : `${this.rule}.earlier`;
  }
  get reason(): string {
    return this.facts ? reasonOf(this.rule, this.facts) : `${RULE_NAMES[this.rule]}（24小时内已触发）`;
  }
  toJSON() {
    return { rule: this.rule, subRule: this.subRule, strength: this.strength, reason: this.reason };
  }
}

export interface AccountVerdict {
  account: string;
  bank: string;
  decision: Decision;
  score: number;
  typology: string | null;
  hits: Hit[];
  /** an allow-list entry kept the decision at allow */
  allowListed: boolean;
}

export interface TxVerdict {
  decision: Decision;
  score: number;
  /** accounts of this transaction (or of the pattern it completed) at review or above */
  accounts: AccountVerdict[];
  /** the accounts among them that raise an alert now (deduplicated per account and window) */
  alerts: AccountVerdict[];
  shadow: { decision: Decision; score: number; alerts: AccountVerdict[] } | null;
}

const R = RULE_IDS.length;
const ruleNo = Object.fromEntries(RULE_IDS.map((r, i) => [r, i])) as Record<RuleId, number>;
const F = 3; // facts per rule
const DAY = 86_400;
const ALLOW_VERDICT: TxVerdict = Object.freeze({ decision: 'allow', score: 0, accounts: [], alerts: [], shadow: null }) as TxVerdict;
const DECISIONS: Decision[] = ['allow', 'review', 'hold', 'block'];

interface Decided {
  decision: Decision;
  score: number;
  accounts: AccountVerdict[];
  alerts: AccountVerdict[];
}

interface Compiled {
  rs: RuleSet;
  enabled: Uint8Array;
  /** 0 none, 2 hold, 3 block (decision ranks) */
  mark: Uint8Array;
  typologies: { id: string; w: Float32Array; review: number; interdict: number }[];
  /** strengths remembered per account for a day after a rule last fired on it */
  memory: Map<number, { at: number; s: Float32Array }>;
  /** the account's scalar field saying when `memory` was last written for it */
  memField: number;
  alerted: Map<number, { at: number; rank: number }>;
  dedupSec: number;
}

function compile(rs: RuleSet, memField: number): Compiled {
  const enabled = new Uint8Array(R);
  const mark = new Uint8Array(R);
  RULE_IDS.forEach((r, i) => {
    enabled[i] = rs.rules[r].enabled ? 1 : 0;
    const m = rs.rules[r].interdict;
    mark[i] = m ? DECISION_RANK[m] : 0;
  });
  return {
    rs,
    enabled,
    mark,
    typologies: rs.typologies.map((t) => {
      const w = new Float32Array(R);
      for (const [r, weight] of Object.entries(t.weights)) w[ruleNo[r as RuleId]] = weight ?? 0;
      return { id: t.id, w, review: t.review, interdict: t.interdict };
    }),
    memory: new Map(),
    memField,
    alerted: new Map(),
    dedupSec: rs.alertDedupHours * 3600,
  };
}

/** Pattern hits found by the graph searches, per account, before scoring. */
interface PatternHit {
  account: number;
  rule: number;
  strength: number;
  f0: number;
  f1: number;
  f2: number;
}

export interface EngineMeta {
  startSec: number;
  processed: number;
}

export interface EngineOptions {
  /** accounts expected: the state is sized for them up front (it still grows past them) */
  capacity?: number;
  shadow?: RuleSet | null;
}

export class RiskEngine {
  readonly table: AccountTable;
  private live: Compiled;
  private shadowCfg: Compiled | null;
  private startSec = Number.NaN;
  private readonly listedByKey = new Map<string, number>();
  private readonly allowByKey = new Map<string, number>();
  private readonly allowUntil = new Map<number, number>();
  // scratch, reused on every transaction
  private readonly s = new Float32Array(R);
  private readonly facts = new Float64Array(R * F);
  private readonly path = new Int32Array(8);
  private pathLen = 0;
  private budget = 0;
  private readonly patterns: PatternHit[] = [];
  private readonly members: number[] = [];
  private readonly shared: number[] = [];
  private readonly seen: number[] = [];
  processed = 0;

  constructor(ruleSet: RuleSet, opts: EngineOptions = {}) {
    this.table = new AccountTable(opts.capacity ?? 1024);
    this.live = compile(ruleSet, F_MEM_LIVE);
    this.shadowCfg = opts.shadow ? compile(opts.shadow, F_MEM_SHADOW) : null;
  }

  get version(): string {
    return this.live.rs.version;
  }
  get shadowVersion(): string | null {
    return this.shadowCfg?.rs.version ?? null;
  }

  /** Replaces the live rule set; what the old one remembered about accounts is dropped. */
  setRuleSet(rs: RuleSet): void {
    this.live = compile(rs, F_MEM_LIVE);
  }

  setShadow(rs: RuleSet | null): void {
    this.shadowCfg = rs ? compile(rs, F_MEM_SHADOW) : null;
  }

  /**
   * An alert already raised (read back from the store after a restart): the account is not alerted again at the
   * same or a lower decision within the rule set's dedup window.
   */
  noteAlerted(account: string, atMs: number, decision: Decision, shadow: boolean): void {
    const cfg = shadow ? this.shadowCfg : this.live;
    const i = this.table.index.get(account);
    if (!cfg || i === undefined) return;
    const at = toSec(atMs);
    const rank = DECISION_RANK[decision];
    // In time order each stored alert leaves the state the engine had after raising it: its time and rank (of
    // two in the same second the higher, which was raised second).
    const prev = cfg.alerted.get(i);
    if (!prev || at > prev.at || (at === prev.at && rank > prev.rank)) cfg.alerted.set(i, { at, rank });
  }

  /** Replaces the center's lists: accounts stopped, frozen, named in a case or whose holder is punished. */
  setLists(entries: Iterable<readonly [string, ListedKind]>): void {
    this.listedByKey.clear();
    for (const [k, kind] of entries) {
      const code = LISTED_KINDS.indexOf(kind);
      // the strongest measure wins when an account is on several lists (frozen > stopped > case > punished)
      const prev = this.listedByKey.get(k) ?? 0;
      if (code > 0 && (prev === 0 || (LIST_STRENGTH[code] ?? 0) > (LIST_STRENGTH[prev] ?? 0))) this.listedByKey.set(k, code);
    }
    const t = this.table;
    for (let i = 0; i < t.size; i++) t.sc[i * SC + F_LISTED] = 0;
    for (const [k, code] of this.listedByKey) {
      const i = t.index.get(k);
      if (i !== undefined) t.sc[i * SC + F_LISTED] = code;
    }
  }

  /** Replaces the allow-list: account → epoch ms until which its rule decisions stay at allow. */
  setAllowList(entries: Iterable<readonly [string, number]>): void {
    this.allowByKey.clear();
    this.allowUntil.clear();
    for (const [k, untilMs] of entries) {
      const until = toSec(untilMs);
      this.allowByKey.set(k, until);
      const i = this.table.index.get(k);
      if (i !== undefined) this.allowUntil.set(i, until);
    }
  }

  private account(key: string, bank: string, sec: number, isCash: boolean): number {
    const t = this.table;
    const before = t.size;
    const i = t.ensure(key, bank, sec, isCash);
    if (t.size !== before) {
      if (this.listedByKey.size) t.sc[i * SC + F_LISTED] = this.listedByKey.get(key) ?? 0;
      if (this.allowByKey.size) {
        const until = this.allowByKey.get(key);
        if (until !== undefined) this.allowUntil.set(i, until);
      }
    }
    return i;
  }

  /**
   * Feeds the transaction into the state without scoring it: used to rebuild the state from stored history
   * after a restart (the decisions were taken and stored the first time).
   */
  learn(tx: Tx): void {
    this.ingest(tx);
  }

  process(tx: Tx): TxVerdict {
    this.ingest(tx);
    const u = this.u;
    const v = this.v;
    const sec = this.sec;
    const live = this.decide(this.live, u, v, sec);
    const shadow = this.shadowCfg ? this.decide(this.shadowCfg, u, v, sec) : null;
    this.patterns.length = 0;
    if (!live && !shadow) return ALLOW_VERDICT;
    const verdict: TxVerdict = live ? { ...live, shadow: null } : { decision: 'allow', score: 0, accounts: [], alerts: [], shadow: null };
    if (shadow) verdict.shadow = { decision: shadow.decision, score: shadow.score, alerts: shadow.alerts };
    else if (this.shadowCfg) verdict.shadow = { decision: 'allow', score: 0, alerts: [] };
    return verdict;
  }

  /** Updates the state with the transaction; leaves the pattern hits it completed in `this.patterns`. */
  private u = 0;
  private v = 0;
  private sec = 0;

  private ingest(tx: Tx): void {
    const sec = toSec(tx.at);
    if (Number.isNaN(this.startSec)) this.startSec = sec;
    this.processed++;
    const t = this.table;
    const u = this.account(tx.from, tx.fromBank, sec, tx.channel === 'cash_in');
    const v = this.account(tx.to, tx.toBank, sec, tx.channel === 'cash_out');
    const yuan = tx.amount / 100;
    t.roll(u, sec);
    t.roll(v, sec);
    const p = this.live.rs.params;
    this.patterns.length = 0;

    // Graph searches look at what happened before this transaction.
    if (u !== v && t.sc[u * SC + F_CASH] === 0 && t.sc[v * SC + F_CASH] === 0) {
      if (this.live.enabled[ruleNo.cycle]) this.findCycle(u, v, sec, yuan);
      if (this.live.enabled[ruleNo.scatter_gather]) this.findScatterGather(u, v, sec, yuan);
      if (this.live.enabled[ruleNo.bipartite]) this.findBipartite(u, v, sec, yuan);
    }

    t.record(u, v, sec, yuan, p, this.startSec);

    // Pass-through: the sender forwards money that arrived within the dwell time.
    if (t.sc[u * SC + F_CASH] === 0) {
      const fio = p.fast_in_out;
      const dwell = fio.dwellMinutes * 60;
      let inSum = 0;
      let latestIn = -1;
      let earliestIn = sec;
      const o = u * RING3;
      for (let k = 0; k < RING; k++) {
        const ti = (t.inR[o + 3 * k + 1] ?? 0);
        if ((t.inR[o + 3 * k] ?? 0) >= 0 && ti <= sec && sec - ti <= dwell) {
          inSum += (t.inF[o + 3 * k + 2] ?? 0);
          if (ti > latestIn) latestIn = ti;
          if (ti < earliestIn) earliestIn = ti;
        }
      }
      if (latestIn >= 0 && inSum >= fio.minYuan) {
        // what left since the run of inflows began (the ring would miss a fan-out wider than itself)
        const outSum = sec - (t.sc[u * SC + F_LAST_IN_AT] ?? 0) <= 2 * dwell ? (t.counters[u * CS + C_OUT_SINCE] ?? 0) : 0;
        if (outSum >= fio.minShare * inSum) {
          if (t.sc[u * SC + F_PASS_IN_AT] !== latestIn) {
            t.sc[u * SC + F_PASS_IN_AT] = latestIn;
            t.add(u, C_PASS, 1);
          }
          // Layered chains: the money reaching v has now passed through one more quick hand.
          const upstream = sec - (t.sc[u * SC + F_CHAIN_AT] ?? 0) <= dwell * 2 ? (t.sc[u * SC + F_CHAIN_DEPTH] ?? 0) : 0;
          const layers = upstream + 1;
          const vFresh = sec - (t.sc[v * SC + F_CHAIN_AT] ?? 0) <= WINDOW_SEC;
          t.sc[v * SC + F_CHAIN_DEPTH] = Math.min(255, Math.max(vFresh ? (t.sc[v * SC + F_CHAIN_DEPTH] ?? 0) : 0, layers));
          t.sc[v * SC + F_CHAIN_AT] = sec;
          if (layers >= p.stack.minLayers && this.live.enabled[ruleNo.stack]) {
            this.pattern(u, ruleNo.stack, Math.min(1, 0.7 + 0.15 * (layers - p.stack.minLayers)), layers, 0, 0);
            if (t.sc[v * SC + F_CASH] === 0) this.pattern(v, ruleNo.stack, 0.7, layers, 1, 0);
            // the layer before u: whoever paid u the money it just passed on
            let prev = -1;
            let prevAt = -1;
            for (let k = 0; k < RING; k++) {
              const ti = t.inR[o + 3 * k + 1] ?? 0;
              const cp = t.inR[o + 3 * k] ?? -1;
              if (cp >= 0 && ti <= sec && sec - ti <= dwell && ti > prevAt && t.sc[cp * SC + F_CASH] === 0) {
                prev = cp;
                prevAt = ti;
              }
            }
            if (prev >= 0 && prev !== v) this.pattern(prev, ruleNo.stack, 0.7, layers - 1, 0, 0);
          }
        }
      }
    }
    // A strong spreader's recent payees are the next layer: name them with it.
    if (t.sc[u * SC + F_CASH] === 0 && (this.live.enabled[ruleNo.fan_out] || this.live.enabled[ruleNo.gather_scatter])) {
      t.weigh(u, sec);
      const spread = this.spread(u, p, t.win(u, C_DISTINCT_IN), t.win(u, C_DISTINCT_OUT), t.win(u, C_IN_SUM), t.win(u, C_OUT_SUM));
      const rule = spread.gatherScatter >= spread.fanOut ? ruleNo.gather_scatter : ruleNo.fan_out;
      const strength = Math.max(spread.fanOut, spread.gatherScatter);
      // only a spreader that passes on money it just received, and only payees that are new accounts themselves
      if (strength >= 0.75 && this.live.enabled[rule] && t.win(u, C_PASS) >= 1) {
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
    t.sc[u * SC + F_DIRTY] = 1;
    t.sc[v * SC + F_DIRTY] = 1;
    this.u = u;
    this.v = v;
    this.sec = sec;
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

  /** A time-ordered path v → … → u of similar amounts within the window closes a cycle with u → v. */
  private findCycle(u: number, v: number, sec: number, yuan: number): void {
    const p = this.live.rs.params.cycle;
    this.path[0] = u;
    this.pathLen = 1;
    this.budget = 64;
    if (!this.cycleFrom(u, v, sec, yuan, 0, sec - p.windowMinutes * 60, p.amountTolerance, p.maxLength)) return;
    const nodes = this.pathLen;
    const minutes = Math.round((sec - this.cycleStart) / 60);
    for (let k = 0; k < nodes; k++) this.pattern((this.path[k] ?? 0), ruleNo.cycle, Math.min(1, 0.8 + 0.05 * nodes), nodes, minutes, 0);
  }

  private cycleStart = 0;

  private cycleFrom(x: number, v: number, tb: number, am: number, depth: number, since: number, tol: number, maxLen: number): boolean {
    const t = this.table;
    const o = x * RING3;
    for (let k = 0; k < RING; k++) {
      const q = (t.inR[o + 3 * k] ?? 0);
      if (q < 0) continue;
      const tq = (t.inR[o + 3 * k + 1] ?? 0);
      if (tq > tb || tq < since) continue;
      const aq = (t.inF[o + 3 * k + 2] ?? 0);
      if (Math.abs(aq - am) > tol * Math.max(aq, am)) continue;
      if (q === v) {
        if (depth === 0) continue; // v → u → v is a refund, not a cycle
        this.path[depth + 1] = v;
        this.pathLen = depth + 2;
        this.cycleStart = tq;
        return true;
      }
      if (depth + 3 > maxLen || t.sc[q * SC + F_CASH]) continue;
      let seen = false;
      for (let j = 0; j <= depth; j++) if (this.path[j] === q) seen = true;
      if (seen || --this.budget <= 0) continue;
      this.path[depth + 1] = q;
      if (this.cycleFrom(q, v, tq, aq, depth + 1, since, tol, maxLen)) return true;
    }
    return false;
  }

  /**
   * Scatter-gather at the sink v: u passes on (most of) what a source s gave it, and other recent payers of v
   * did the same with money from the same s.
   */
  private findScatterGather(u: number, v: number, sec: number, yuan: number): void {
    const t = this.table;
    const p = this.live.rs.params.scatter_gather;
    const win = p.windowMinutes * 60;
    const ov = v * RING3;
    let others = 0;
    for (let k = 0; k < RING; k++) {
      const q = (t.inR[ov + 3 * k] ?? 0);
      if (q >= 0 && q !== u && sec - (t.inR[ov + 3 * k + 1] ?? 0) <= win) others++;
    }
    if (others + 1 < p.minBranches) return;
    const ou = u * RING3;
    for (let k = 0; k < RING; k++) {
      const s = (t.inR[ou + 3 * k] ?? 0);
      const ts = (t.inR[ou + 3 * k + 1] ?? 0);
      if (s < 0 || s === v || ts > sec || sec - ts > win || t.sc[s * SC + F_CASH] || yuan < p.minShare * (t.inF[ou + 3 * k + 2] ?? 0)) continue;
      const members = this.members;
      members.length = 0;
      members.push(u);
      for (let j = 0; j < RING; j++) {
        const q = (t.inR[ov + 3 * j] ?? 0);
        const tq = (t.inR[ov + 3 * j + 1] ?? 0);
        if (q < 0 || q === u || q === s || sec - tq > win || members.includes(q)) continue;
        const aq = (t.inF[ov + 3 * j + 2] ?? 0);
        const oq = q * RING3;
        for (let m = 0; m < RING; m++) {
          if (t.inR[oq + 3 * m] === s && (t.inR[oq + 3 * m + 1] ?? 0) <= tq && tq - (t.inR[oq + 3 * m + 1] ?? 0) <= win && aq >= p.minShare * (t.inF[oq + 3 * m + 2] ?? 0)) {
            members.push(q);
            break;
          }
        }
      }
      if (members.length >= p.minBranches) {
        const n = members.length;
        const strength = Math.min(1, 0.7 + 0.1 * (n - p.minBranches));
        this.pattern(v, ruleNo.scatter_gather, strength, n, 0, 0);
        this.pattern(s, ruleNo.scatter_gather, strength, n, 1, 0);
        for (const m of members) this.pattern(m, ruleNo.scatter_gather, strength, n, 0, 0);
        return;
      }
    }
  }

  /** Bipartite groups: several payers of v also pay the same other receivers as u, within the window. */
  private findBipartite(u: number, v: number, sec: number, yuan: number): void {
    const t = this.table;
    const p = this.live.rs.params.bipartite;
    if (yuan < p.minYuan) return;
    const win = p.windowMinutes * 60;
    const ou = u * RING3;
    let receivers = 0;
    for (let k = 0; k < RING; k++) {
      const r = (t.outR[ou + 3 * k] ?? 0);
      if (r >= 0 && r !== v && sec - (t.outR[ou + 3 * k + 1] ?? 0) <= win && (t.outF[ou + 3 * k + 2] ?? 0) >= p.minYuan && !t.sc[r * SC + F_CASH]) receivers++;
    }
    if (receivers === 0) return;
    const ov = v * RING3;
    const members = this.members;
    members.length = 0;
    members.push(u);
    const shared = this.shared;
    shared.length = 0;
    for (let j = 0; j < RING; j++) {
      const q = (t.inR[ov + 3 * j] ?? 0);
      if (q < 0 || q === u || sec - (t.inR[ov + 3 * j + 1] ?? 0) > win || (t.inF[ov + 3 * j + 2] ?? 0) < p.minYuan || members.includes(q)) continue;
      const oq = q * RING3;
      let overlap = -1;
      for (let m = 0; m < RING && overlap < 0; m++) {
        const r = (t.outR[oq + 3 * m] ?? 0);
        if (r < 0 || r === v || sec - (t.outR[oq + 3 * m + 1] ?? 0) > win || (t.outF[oq + 3 * m + 2] ?? 0) < p.minYuan) continue;
        for (let k = 0; k < RING; k++) if (t.outR[ou + 3 * k] === r && sec - (t.outR[ou + 3 * k + 1] ?? 0) <= win) overlap = r;
      }
      if (overlap >= 0) {
        members.push(q);
        if (!shared.includes(overlap)) shared.push(overlap);
      }
    }
    if (members.length < p.minPayers) return;
    const n = members.length;
    const strength = Math.min(1, 0.7 + 0.1 * (n - p.minPayers));
    this.pattern(v, ruleNo.bipartite, strength, n, 0, 0);
    for (const m of members) this.pattern(m, ruleNo.bipartite, strength, n, 0, 0);
    for (const r of shared) this.pattern(r, ruleNo.bipartite, strength, n, 0, 0);
  }

  /** Scores the accounts of the transaction (and of any pattern it completed) under one rule set. */
  private decide(cfg: Compiled, u: number, v: number, sec: number): Decided | null {
    let result: Decided | null = null;
    result = this.consider(result, cfg, u, sec, 0, v);
    if (v !== u) result = this.consider(result, cfg, v, sec, 1, u);
    const ps = this.patterns;
    const seen = this.seen;
    seen.length = 0;
    for (const h of ps) {
      const a = h.account;
      if (a === u || a === v || seen.includes(a)) continue;
      seen.push(a);
      result = this.consider(result, cfg, a, sec, 2, -1);
    }
    return result && DECISION_RANK[result.decision] > 0 ? result : null;
  }

  private consider(result: Decided | null, cfg: Compiled, i: number, sec: number, role: 0 | 1 | 2, other: number): Decided | null {
    if (this.table.sc[i * SC + F_CASH]) return result;
    const verdict = this.score(cfg, i, sec, role, other);
    if (!verdict) return result;
    const r = result ?? { decision: 'allow', score: 0, accounts: [], alerts: [] };
    r.accounts.push(verdict.v);
    if (DECISION_RANK[verdict.v.decision] > DECISION_RANK[r.decision]) r.decision = verdict.v.decision;
    if (verdict.v.score > r.score) r.score = verdict.v.score;
    if (verdict.alert) r.alerts.push(verdict.v);
    return r;
  }

  private readonly spreadOut = { fanOut: 0, gatherScatter: 0 };

  /**
   * Fan-out and gather-scatter strengths of an account (after `weigh`). Money spread to accounts that are
   * themselves new is how a mule pays the next layer; a payroll or a merchant's suppliers are accounts the bank
   * has known for a while, so full strength needs half the payees new.
   */
  private spread(i: number, p: RuleSet['params'], dIn: number, dOut: number, inSum: number, outSum: number): { fanOut: number; gatherScatter: number } {
    const t = this.table;
    const r = this.spreadOut;
    r.fanOut = 0;
    r.gatherScatter = 0;
    if (dOut < Math.min(p.fan_out.minPayees, p.gather_scatter.minPayees)) return r;
    const newShare = Math.min(1, t.win(i, C_NEW_PAYEES) / dOut / 0.5);
    if (dOut >= p.fan_out.minPayees && outSum >= p.fan_out.minTotalYuan && inSum >= p.fan_out.minFundedShare * outSum) {
      r.fanOut = (0.5 + 0.5 * Math.min(1, (dOut - p.fan_out.minPayees) / p.fan_out.minPayees)) * (0.5 + 0.5 * newShare);
    }
    const g = p.gather_scatter;
    if (dIn >= g.minPayers && dOut >= g.minPayees && inSum >= g.minTotalYuan && outSum >= g.minShare * inSum) {
      r.gatherScatter = Math.min(1, 0.7 + 0.05 * (dIn + dOut - g.minPayers - g.minPayees)) * (0.5 + 0.5 * newShare);
    }
    return r;
  }

  private any = false;
  private en: Uint8Array = new Uint8Array(R);

  private hit(r: number, strength: number, a: number, b: number, c: number): void {
    const s = this.s;
    if (!this.en[r] || strength <= (s[r] ?? 0)) return;
    s[r] = strength;
    const f = this.facts;
    f[r * F] = a;
    f[r * F + 1] = b;
    f[r * F + 2] = c;
    this.any = true;
  }

  /**
   * One account's rules, typology scores and decision. `role` 0 = sender of this transaction, 1 = receiver,
   * 2 = member of a pattern it completed; `other` is the counterparty of this transaction.
   */
  private score(cfg: Compiled, i: number, sec: number, role: 0 | 1 | 2, other: number): { v: AccountVerdict; alert: boolean } | null {
    const t = this.table;
    const p = cfg.rs.params;
    this.en = cfg.enabled;
    t.weigh(i, sec);
    const s = this.s;
    const f = this.facts;
    s.fill(0);
    this.any = false;
    const inCount = t.win(i, C_IN_COUNT);
    const outCount = t.win(i, C_OUT_COUNT);
    const inSum = t.win(i, C_IN_SUM);
    const outSum = t.win(i, C_OUT_SUM);

    const pass = t.win(i, C_PASS);
    if (pass >= 0.999) this.hit(ruleNo.fast_in_out, Math.min(1, pass / p.fast_in_out.fullAt), pass, p.fast_in_out.dwellMinutes, 0);

    const dIn = t.win(i, C_DISTINCT_IN);
    if (dIn >= p.fan_in.minPayers && inSum >= p.fan_in.minTotalYuan && inSum >= p.fan_in.minAvgYuan * inCount) {
      this.hit(ruleNo.fan_in, 0.5 + 0.5 * Math.min(1, (dIn - p.fan_in.minPayers) / p.fan_in.minPayers), dIn, inSum, 0);
    }
    const dOut = t.win(i, C_DISTINCT_OUT);
    const spread = this.spread(i, p, dIn, dOut, inSum, outSum);
    if (spread.fanOut > 0) this.hit(ruleNo.fan_out, spread.fanOut, dOut, outSum, 0);
    if (spread.gatherScatter > 0) this.hit(ruleNo.gather_scatter, spread.gatherScatter, dIn, dOut, 0);
    const na = p.new_account_volume;
    const first = t.sc[i * SC + F_FIRST] ?? 0;
    const volume = Math.max(inSum, outSum);
    if (sec - first <= na.newDays * DAY && first - this.startSec >= na.warmupDays * DAY && volume >= na.minInYuan && inCount + outCount >= na.minCount) {
      this.hit(ruleNo.new_account_volume, Math.min(1, 0.5 * (volume / na.minInYuan)), (sec - first) / DAY, volume, inCount + outCount);
    }
    const nightCount = t.win(i, C_NIGHT_COUNT);
    if (nightCount >= p.night_burst.minCount) {
      const nightSum = t.win(i, C_NIGHT_SUM);
      if (nightSum >= p.night_burst.minYuan) this.hit(ruleNo.night_burst, Math.min(1, nightCount / (2 * p.night_burst.minCount)), nightCount, nightSum, 0);
    }
    const under = t.win(i, C_UNDER_LIMIT);
    if (under >= p.just_under_limit.minCount) {
      this.hit(ruleNo.just_under_limit, Math.min(1, under / (2 * p.just_under_limit.minCount)), under, lastUnderLimit(t, i, p.just_under_limit.limitsYuan, p.just_under_limit.belowShare), 0);
    }
    if (t.win(i, C_CASH_OUT_SUM) > 0) {
      const c = p.cash_out_after_inflow;
      const within = c.withinMinutes * 60;
      const o = i * RING3;
      let recentIn = 0;
      let cashOut = 0;
      let firstIn = sec;
      for (let k = 0; k < RING; k++) {
        if ((t.inR[o + 3 * k] ?? 0) >= 0 && sec - (t.inR[o + 3 * k + 1] ?? 0) <= within) {
          recentIn += (t.inF[o + 3 * k + 2] ?? 0);
          firstIn = Math.min(firstIn, (t.inR[o + 3 * k + 1] ?? 0));
        }
      }
      if (recentIn >= c.minYuan) {
        for (let k = 0; k < RING; k++) {
          const cp = (t.outR[o + 3 * k] ?? 0);
          if (cp >= 0 && t.sc[cp * SC + F_CASH] && (t.outR[o + 3 * k + 1] ?? 0) >= firstIn) cashOut += (t.outF[o + 3 * k + 2] ?? 0);
        }
        const share = Math.min(1, cashOut / recentIn);
        if (share >= c.minShare) this.hit(ruleNo.cash_out_after_inflow, 0.6 + (0.4 * (share - c.minShare)) / Math.max(0.01, 1 - c.minShare), recentIn, cashOut, (sec - firstIn) / 60);
      }
    }
    // The center's lists: the account itself sending, or dealing with a listed account now.
    const own = t.sc[i * SC + F_LISTED] ?? 0;
    if (own && role === 0) this.hit(ruleNo.listed_counterparty, 1, 0, 1, own);
    const otherListed = other >= 0 ? (t.sc[other * SC + F_LISTED] ?? 0) : 0;
    if (otherListed) this.hit(ruleNo.listed_counterparty, 1, 0, role === 0 ? 2 : 3, otherListed);
    for (const h of this.patterns) if (h.account === i) this.hit(h.rule, h.strength, h.f0, h.f1, h.f2);

    // What fired on this account during the last day still counts.
    const memAt = i * SC + cfg.memField;
    const memSince = (t.sc[memAt] ?? 0) - 1;
    let mem: { at: number; s: Float32Array } | undefined;
    if (memSince >= 0) {
      if (sec - memSince > WINDOW_SEC) {
        cfg.memory.delete(i);
        t.sc[memAt] = 0;
      } else mem = cfg.memory.get(i);
    }
    if (!this.any && !mem) return null;
    if (this.any) {
      if (!mem) cfg.memory.set(i, (mem = { at: sec, s: new Float32Array(R) }));
      mem.at = sec;
      t.sc[memAt] = sec + 1;
      for (let r = 0; r < R; r++) if ((s[r] ?? 0) > (mem.s[r] ?? 0)) mem.s[r] = (s[r] ?? 0);
    }
    const ms = mem ? mem.s : this.s;
    let best = 0;
    let bestTyp = -1;
    let rank = 0;
    for (let k = 0; k < cfg.typologies.length; k++) {
      const typ = cfg.typologies[k];
      if (!typ) continue;
      let score = 0;
      let strongest = 0;
      for (let r = 0; r < R; r++) {
        const w = (typ.w[r] ?? 0);
        if (w === 0) continue;
        const sr = Math.max((s[r] ?? 0), (ms[r] ?? 0));
        if (sr === 0) continue;
        score += w * sr;
        if ((cfg.mark[r] ?? 0) > strongest) strongest = (cfg.mark[r] ?? 0);
      }
      if (score > 1) score = 1;
      let typRank = 0;
      if (score >= typ.interdict && strongest >= 2) typRank = strongest;
      else if (score >= typ.review) typRank = 1;
      if (typRank > rank || (typRank === rank && score > best)) {
        rank = Math.max(rank, typRank);
        best = score;
        bestTyp = k;
      }
    }
    const listedHit = (s[ruleNo.listed_counterparty] ?? 0) > 0;
    const until = this.allowUntil.get(i);
    const allowListed = until !== undefined && until >= sec && !listedHit && rank > 0;
    if (allowListed) rank = 0;
    if (rank === 0 && !allowListed) return null;
    const decision = DECISIONS[rank] ?? 'allow';
    const hits: Hit[] = [];
    for (let r = 0; r < R; r++) {
      if ((s[r] ?? 0) > 0) {
        const rule = RULE_IDS[r] as RuleId;
        hits.push(new LazyHit(rule, round2(s[r] ?? 0), [f[r * F] ?? 0, f[r * F + 1] ?? 0, f[r * F + 2] ?? 0]));
      } else if ((ms[r] ?? 0) > 0) {
        const rule = RULE_IDS[r] as RuleId;
        hits.push(new LazyHit(rule, round2(ms[r] ?? 0), null));
      }
    }
    hits.sort((a, b) => b.strength - a.strength);
    const verdict: AccountVerdict = {
      account: t.keys[i] ?? '',
      bank: t.banks[t.sc[i * SC + F_BANK] ?? 0] ?? '',
      decision,
      score: round2(best),
      typology: cfg.typologies[bestTyp]?.id ?? null,
      hits,
      allowListed,
    };
    let alert = false;
    if (rank > 0) {
      const prev = cfg.alerted.get(i);
      if (!prev || sec - prev.at > cfg.dedupSec || rank > prev.rank) {
        cfg.alerted.set(i, { at: sec, rank });
        alert = true;
      }
    }
    return { v: verdict, alert };
  }

  /** The state of every account changed since the last call (clearing the marks), for a snapshot. */
  takeDirty(): { meta: EngineMeta; accounts: [string, AccountSnapshot][] } {
    const t = this.table;
    const accounts: [string, AccountSnapshot][] = [];
    for (let i = 0; i < t.size; i++) {
      if (t.sc[i * SC + F_DIRTY]) {
        t.sc[i * SC + F_DIRTY] = 0;
        accounts.push([t.keys[i] ?? '', t.exportAccount(i)]);
      }
    }
    return { meta: { startSec: this.startSec, processed: this.processed }, accounts };
  }

  /** Loads a snapshot taken by `takeDirty` (all rows of it, in any order), before any transaction. */
  restore(meta: EngineMeta, accounts: Iterable<readonly [string, AccountSnapshot]>): void {
    if (Number.isFinite(meta.startSec)) this.startSec = meta.startSec;
    this.processed = meta.processed;
    for (const [key, snap] of accounts) this.table.importAccount(key, snap);
    // the lists and the allow-list were set by key; attach them to the accounts just loaded
    const t = this.table;
    for (const [k, code] of this.listedByKey) {
      const i = t.index.get(k);
      if (i !== undefined) t.sc[i * SC + F_LISTED] = code;
    }
    for (const [k, until] of this.allowByKey) {
      const i = t.index.get(k);
      if (i !== undefined) this.allowUntil.set(i, until);
    }
  }
}

const LIST_STRENGTH = [0, 3, 4, 2, 1];

export const RULE_NAMES: Record<RuleId, string> = {
  fast_in_out: '快进快出',
  fan_in: '多对一汇入',
  fan_out: '一对多分散',
  new_account_volume: '新账户大额交易',
  night_burst: '夜间集中交易',
  cash_out_after_inflow: '转入后取现',
  just_under_limit: '略低于限额',
  listed_counterparty: '名单账户往来',
  cycle: '资金闭环',
  scatter_gather: '分散-汇集',
  gather_scatter: '汇集-分散',
  bipartite: '交叉转账团伙',
  stack: '层层转移',
};

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function lastUnderLimit(t: AccountTable, i: number, limits: readonly number[], share: number): number {
  const o = i * RING3;
  let best = 0;
  let at = -Infinity;
  for (let k = 0; k < RING; k++) {
    const a = (t.outF[o + 3 * k + 2] ?? 0);
    if ((t.outR[o + 3 * k] ?? 0) >= 0 && (t.outR[o + 3 * k + 1] ?? 0) > at && underLimit(a, limits, share)) {
      best = a;
      at = (t.outR[o + 3 * k + 1] ?? 0);
    }
  }
  return best;
}
