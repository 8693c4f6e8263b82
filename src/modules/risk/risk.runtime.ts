import type { Kysely } from 'kysely';
import { DEFAULT_RULESET, parseRuleSet, type RuleSet } from '../../engines/risk/config.ts';
import { RiskEngine, type AccountVerdict, type TxVerdict } from '../../engines/risk/engine.ts';
import type { Tx } from '../../engines/risk/types.ts';
import type { DB } from '../../db/types.ts';
import type { Deps } from '../../server/context.ts';
import * as repo from './risk.repo.ts';

/**
 * The engine of one process, with what it needs from the database: the live and shadow rule sets, the
 * center's lists, the allow-list, and its state (the last snapshot plus the transactions stored after it).
 * Batches go through one at a time, so the stored order is the order the engine saw.
 *
 * A process that takes transactions (the server for HTTP, the worker for JetStream) owns an engine; run one
 * such process per deployment, since two engines would each see half of an account's traffic.
 */
export interface Decided {
  tx: Tx;
  seq: number;
  verdict: TxVerdict;
}

export interface RuntimeOptions {
  /** how often the lists and the allow-list are re-read (ms) */
  refreshMs?: number;
  /** how often the state is snapshotted (ms); 0: never by itself */
  snapshotMs?: number;
}

export class RiskRuntime {
  engine!: RiskEngine;
  private ready: Promise<void> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private lastSeq = 0;
  private lastRefresh = 0;
  private lastSnapshot = 0;
  private snapshotSeq = 0;
  private broken = false;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'clock'>,
    private readonly opts: RuntimeOptions = {},
  ) {}

  /** Loads everything once; a runtime whose batch failed halfway rebuilds itself on the next call. */
  async init(): Promise<void> {
    if (this.broken) {
      this.ready = null;
      this.broken = false;
    }
    this.ready ??= this.load().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  private async load(): Promise<void> {
    const db = this.deps.db;
    const live = await ensureLiveRuleSet(db, this.deps.clock.now());
    const shadowRow = await repo.ruleSetByStatus(db, 'shadow');
    const shadow = shadowRow ? parseRuleSet(configOf(shadowRow.config)) : null;
    // sized for the accounts already known and a quarter more, so a restart does not grow the state step by step
    const known = await repo.snapshotAccounts(db);
    const engine = new RiskEngine(live, { shadow, capacity: Math.max(1024, Math.ceil(known * 1.25)) });
    engine.setLists(await repo.listedAccounts(db));
    engine.setAllowList((await repo.activeAllowList(db, this.deps.clock.now())).map((r) => [r.account, new Date(r.expires_at).getTime()] as const));
    const snap = await repo.snapshotMeta(db);
    if (snap) {
      for await (const page of repo.snapshotRows(db)) engine.restore(snap.meta, page);
      engine.takeDirty();
    }
    let seq = snap?.seq ?? 0;
    for await (const page of repo.transactionsAfter(db, seq)) {
      for (const r of page) engine.learn(r.tx);
      seq = page.at(-1)?.seq ?? seq;
    }
    // Alerts already raised within the dedup window are not raised again for the same account after a restart.
    const dedupMs = Math.max(live.alertDedupHours, shadow?.alertDedupHours ?? 0) * 3_600_000;
    for (const a of await repo.latestAlerts(db, dedupMs)) engine.noteAlerted(a.account, new Date(a.raised_at).getTime(), a.decision, a.shadow);
    this.engine = engine;
    this.lastSeq = seq;
    this.snapshotSeq = snap?.seq ?? 0;
    this.lastRefresh = Date.now();
    this.lastSnapshot = Date.now();
  }

  /** Runs `fn` after every batch before it, so batches reach the engine and the tables in one order. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Stores the batch, decides the transactions stored for the first time, and stores the decisions and the
   * alerts – all in one database transaction. Repeated txIds are counted once and not decided again.
   */
  async ingest(orgId: number, txs: readonly Tx[]): Promise<{ accepted: number; duplicates: number; decided: Decided[]; alertIds: number[] }> {
    await this.init();
    return this.exclusive(async () => {
      await this.maybeRefresh();
      const now = this.deps.clock.now();
      const engine = this.engine;
      let touched = false;
      try {
        const out = await this.deps.db.transaction().execute(async (trx) => {
          const seqs = await repo.insertTransactions(trx, orgId, engine.version, now, txs);
          const decided: Decided[] = [];
          const decisions: { txId: string; decision: TxVerdict['decision']; score: number; shadow: TxVerdict['decision'] | null }[] = [];
          const alerts: repo.NewAlert[] = [];
          touched = true;
          txs.forEach((tx, k) => {
            const seq = seqs[k];
            if (seq === null || seq === undefined) return;
            const verdict = engine.process(tx);
            if (seq > this.lastSeq) this.lastSeq = seq;
            decided.push({ tx, seq, verdict });
            const shadowDecision = verdict.shadow?.decision ?? null;
            if (verdict.decision !== 'allow' || (shadowDecision && shadowDecision !== 'allow')) {
              decisions.push({ txId: tx.txId, decision: verdict.decision, score: verdict.score, shadow: shadowDecision });
            }
            for (const a of verdict.alerts) alerts.push(newAlert(orgId, tx, a, engine.version, false));
            for (const a of verdict.shadow?.alerts ?? []) alerts.push(newAlert(orgId, tx, a, engine.shadowVersion ?? '', true));
          });
          await repo.setDecisions(trx, decisions);
          const stored = await repo.insertAlerts(trx, now, alerts);
          const alertIds = stored.filter((_, k) => !alerts[k]?.shadow).map((r) => r.id);
          return { accepted: decided.length, duplicates: txs.length - decided.length, decided, alertIds };
        });
        return out;
      } catch (err) {
        // the engine may have counted transactions that were not stored: rebuild it from the tables
        if (touched) this.broken = true;
        throw err;
      }
    });
  }

  private async maybeRefresh(): Promise<void> {
    const every = this.opts.refreshMs ?? 60_000;
    if (Date.now() - this.lastRefresh >= every) await this.refreshLists();
    const snapEvery = this.opts.snapshotMs ?? 0;
    if (snapEvery > 0 && Date.now() - this.lastSnapshot >= snapEvery) await this.snapshotNow();
  }

  /** Re-reads the center's lists and the allow-list (after a change, or every minute). */
  async refreshLists(): Promise<void> {
    const db = this.deps.db;
    this.engine.setLists(await repo.listedAccounts(db));
    this.engine.setAllowList((await repo.activeAllowList(db, this.deps.clock.now())).map((r) => [r.account, new Date(r.expires_at).getTime()] as const));
    this.lastRefresh = Date.now();
  }

  /** Re-reads the live and shadow rule sets (after one is activated). */
  async reloadRules(): Promise<void> {
    if (!this.ready) return;
    await this.init();
    await this.exclusive(async () => {
      const live = await ensureLiveRuleSet(this.deps.db, this.deps.clock.now());
      const shadow = await repo.ruleSetByStatus(this.deps.db, 'shadow');
      this.engine.setRuleSet(live);
      this.engine.setShadow(shadow ? parseRuleSet(configOf(shadow.config)) : null);
    });
  }

  /** Writes the state of the accounts changed since the last snapshot; a restart replays only what follows. */
  async snapshotNow(): Promise<{ accounts: number; seq: number }> {
    const { meta, accounts } = this.engine.takeDirty();
    const seq = this.lastSeq;
    await repo.saveSnapshot(this.deps.db, this.deps.clock.now(), seq, meta, accounts);
    this.snapshotSeq = seq;
    this.lastSnapshot = Date.now();
    return { accounts: accounts.length, seq };
  }

  status() {
    return {
      rulesVersion: this.engine?.version ?? null,
      shadowVersion: this.engine?.shadowVersion ?? null,
      accounts: this.engine?.table.size ?? 0,
      processed: this.engine?.processed ?? 0,
      lastSeq: this.lastSeq,
      snapshotSeq: this.snapshotSeq,
    };
  }
}

function newAlert(orgId: number, tx: Tx, a: AccountVerdict, version: string, shadow: boolean): repo.NewAlert {
  return {
    orgId,
    account: a.account,
    bank: a.bank,
    txId: tx.txId,
    raisedAt: new Date(tx.at),
    decision: a.decision as repo.NewAlert['decision'],
    score: a.score,
    typology: a.typology,
    reasons: a.hits.map((h) => ({ rule: h.rule, subRule: h.subRule, strength: h.strength, reason: h.reason })),
    rules: a.hits.map((h) => h.rule),
    rulesVersion: version,
    shadow,
  };
}

export function configOf(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The live rule set; the shipped one is stored as live on first use. */
export async function ensureLiveRuleSet(db: Kysely<DB>, now: Date): Promise<RuleSet> {
  const live = await repo.ruleSetByStatus(db, 'live');
  if (live) return parseRuleSet(configOf(live.config));
  await db
    .insertInto('risk_rule_sets')
    .values({ version: DEFAULT_RULESET.version, config: JSON.stringify(DEFAULT_RULESET), status: 'live', note: '系统内置规则', created_by: 'system', created_at: now, activated_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const again = await repo.ruleSetByStatus(db, 'live');
  return again ? parseRuleSet(configOf(again.config)) : DEFAULT_RULESET;
}

const runtimes = new WeakMap<object, RiskRuntime>();

/** The process's runtime for this database (one per Kysely instance). */
export function runtimeFor(deps: Pick<Deps, 'db' | 'clock'>, opts?: RuntimeOptions): RiskRuntime {
  let r = runtimes.get(deps.db);
  if (!r) {
    r = new RiskRuntime(deps, opts ?? { snapshotMs: 5 * 60_000 });
    runtimes.set(deps.db, r);
  }
  return r;
}
