/**
 * `fanzha risk replay --input tx.ndjson [--rules <version>|<file.json>] [--labels labels.json] [--json]`
 *
 * Runs the risk engine offline over a file of history (partner NDJSON lines), so an analyst can see what a rule
 * change would have done: throughput, decisions, alerts per rule and typology, the accounts flagged most. With
 * `--labels` (as written by `fanzha risk synth`) it also scores the alerts against the truth: recall per typology
 * and precision per engine typology, counting an account as flagged when any alert of review or above named it.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { DEFAULT_RULESET, parseRuleSet, type RuleSet } from '../engines/risk/config.ts';
import { RiskEngine } from '../engines/risk/engine.ts';
import { isParseError, parseContractLine } from '../engines/risk/ndjson.ts';
import type { Config } from '../config.ts';
import { optionalOption, requireOption, UsageError, type Parsed } from './args.ts';
import { openRuntime } from './runtime.ts';

export interface ReplaySummary {
  rulesVersion: string;
  lines: number;
  transactions: number;
  rejected: number;
  seconds: number;
  perSecond: number;
  decisions: Record<string, number>;
  alerts: number;
  alertsByRule: Record<string, number>;
  alertsByTypology: Record<string, number>;
  flaggedAccounts: number;
  topAccounts: { account: string; alerts: number; decision: string; typology: string | null }[];
  quality?: Quality;
}

export interface Quality {
  mules: number;
  flagged: number;
  truePositives: number;
  precision: number;
  recall: number;
  byTypology: Record<string, { mules: number; detected: number; recall: number }>;
  byEngineTypology: Record<string, { flagged: number; mules: number; precision: number }>;
  falsePositivesByKind: Record<string, number>;
}

async function loadRules(config: Config, given: string | undefined): Promise<RuleSet> {
  if (!given) return DEFAULT_RULESET;
  if (given.endsWith('.json')) return parseRuleSet(JSON.parse(fs.readFileSync(given, 'utf8')));
  const { database } = await openRuntime(config);
  try {
    const row = await database.db.selectFrom('risk_rule_sets').select('config').where('version', '=', given).executeTakeFirst();
    if (!row) throw new UsageError(`no stored rule set "${given}"`);
    return parseRuleSet(typeof row.config === 'string' ? JSON.parse(row.config) : row.config);
  } finally {
    await database.close();
  }
}

interface Labels {
  mules: Record<string, string>;
  normalKinds?: Record<string, string>;
}

function loadLabels(file: string): Labels {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.ndjson')) return JSON.parse(text) as Labels;
  const labels: Labels = { mules: {}, normalKinds: {} };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { kind: string; account?: string; typology?: string; normalKind?: string };
    if (r.kind === 'mule' && r.account && r.typology) labels.mules[r.account] = r.typology;
    if (r.kind === 'normal' && r.account && r.normalKind && labels.normalKinds) labels.normalKinds[r.account] = r.normalKind;
  }
  return labels;
}

/** The replay itself, over any async source of lines. */
export async function replay(lines: AsyncIterable<string>, rules: RuleSet, labels?: Labels): Promise<ReplaySummary> {
  const engine = new RiskEngine(rules, { capacity: 1 << 16 });
  const decisions: Record<string, number> = { allow: 0, review: 0, hold: 0, block: 0 };
  const byRule: Record<string, number> = {};
  const byTypology: Record<string, number> = {};
  const accounts = new Map<string, { alerts: number; rank: number; decision: string; typology: string | null }>();
  const rank: Record<string, number> = { review: 1, hold: 2, block: 3 };
  let n = 0;
  let txs = 0;
  let rejected = 0;
  let alerts = 0;
  const started = performance.now();
  for await (const line of lines) {
    if (line.trim() === '') continue;
    n++;
    const tx = parseContractLine(line);
    if (isParseError(tx)) {
      rejected++;
      continue;
    }
    txs++;
    const v = engine.process(tx);
    decisions[v.decision] = (decisions[v.decision] ?? 0) + 1;
    for (const a of v.alerts) {
      alerts++;
      for (const h of a.hits) byRule[h.rule] = (byRule[h.rule] ?? 0) + 1;
      const typ = a.typology ?? '-';
      byTypology[typ] = (byTypology[typ] ?? 0) + 1;
      const seen = accounts.get(a.account) ?? { alerts: 0, rank: 0, decision: 'review', typology: null };
      seen.alerts++;
      if ((rank[a.decision] ?? 0) >= seen.rank) Object.assign(seen, { rank: rank[a.decision] ?? 0, decision: a.decision, typology: a.typology });
      accounts.set(a.account, seen);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const summary: ReplaySummary = {
    rulesVersion: rules.version,
    lines: n,
    transactions: txs,
    rejected,
    seconds: Math.round(seconds * 1000) / 1000,
    perSecond: Math.round(txs / Math.max(seconds, 1e-9)),
    decisions,
    alerts,
    alertsByRule: byRule,
    alertsByTypology: byTypology,
    flaggedAccounts: accounts.size,
    topAccounts: [...accounts.entries()]
      .sort((a, b) => b[1].rank - a[1].rank || b[1].alerts - a[1].alerts)
      .slice(0, 10)
      .map(([account, s]) => ({ account, alerts: s.alerts, decision: s.decision, typology: s.typology })),
  };
  if (labels) summary.quality = quality(labels, accounts);
  return summary;
}

function quality(labels: Labels, flagged: Map<string, { typology: string | null }>): Quality {
  const mules = Object.entries(labels.mules);
  const byTypology: Quality['byTypology'] = {};
  for (const [account, typ] of mules) {
    const e = (byTypology[typ] ??= { mules: 0, detected: 0, recall: 0 });
    e.mules++;
    if (flagged.has(account)) e.detected++;
  }
  for (const e of Object.values(byTypology)) e.recall = round3(e.detected / Math.max(1, e.mules));
  const byEngine: Quality['byEngineTypology'] = {};
  const fpKinds: Record<string, number> = {};
  let tp = 0;
  for (const [account, f] of flagged) {
    const isMule = labels.mules[account] !== undefined;
    if (isMule) tp++;
    else {
      const kind = labels.normalKinds?.[account] ?? 'person';
      fpKinds[kind] = (fpKinds[kind] ?? 0) + 1;
    }
    const e = (byEngine[f.typology ?? '-'] ??= { flagged: 0, mules: 0, precision: 0 });
    e.flagged++;
    if (isMule) e.mules++;
  }
  for (const e of Object.values(byEngine)) e.precision = round3(e.mules / Math.max(1, e.flagged));
  return {
    mules: mules.length,
    flagged: flagged.size,
    truePositives: tp,
    precision: round3(tp / Math.max(1, flagged.size)),
    recall: round3(tp / Math.max(1, mules.length)),
    byTypology,
    byEngineTypology: byEngine,
    falsePositivesByKind: fpKinds,
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export async function riskReplayCommand(config: Config, args: Parsed): Promise<number> {
  const input = requireOption(args, 'input');
  if (!fs.existsSync(input)) throw new UsageError(`--input: no such file ${input}`);
  const rules = await loadRules(config, optionalOption(args, 'rules'));
  const labelsFile = optionalOption(args, 'labels');
  const labels = labelsFile ? loadLabels(labelsFile) : undefined;
  const rl = readline.createInterface({ input: fs.createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  const summary = await replay(rl, rules, labels);
  if (args.options.json) {
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  }
  const pct = (k: string) => `${((100 * (summary.decisions[k] ?? 0)) / Math.max(1, summary.transactions)).toFixed(3)}%`;
  console.log(`rules ${summary.rulesVersion}: ${summary.transactions.toLocaleString('en-US')} transactions (${summary.rejected} lines rejected) in ${summary.seconds} s, ${summary.perSecond.toLocaleString('en-US')}/s`);
  console.log(`decisions: allow ${pct('allow')}, review ${pct('review')}, hold ${pct('hold')}, block ${pct('block')}`);
  console.log(`alerts: ${summary.alerts} on ${summary.flaggedAccounts} accounts; by rule ${JSON.stringify(summary.alertsByRule)}; by typology ${JSON.stringify(summary.alertsByTypology)}`);
  for (const a of summary.topAccounts) console.log(`  ${a.account}  ${a.decision}  ${a.typology ?? '-'}  ${a.alerts} alerts`);
  if (summary.quality) {
    const q = summary.quality;
    console.log(`against the labels: precision ${q.precision}, recall ${q.recall} (${q.truePositives} of ${q.mules} mules, ${q.flagged} accounts flagged)`);
    for (const [t, e] of Object.entries(q.byTypology)) console.log(`  ${t.padEnd(16)} recall ${e.recall} (${e.detected}/${e.mules})`);
    console.log(`  false positives by kind: ${JSON.stringify(q.falsePositivesByKind)}`);
  }
  return 0;
}
