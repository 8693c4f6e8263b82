import { synthesize, type BANK_CODES } from '../engines/risk/synth.ts';
import type { Tx } from '../engines/risk/types.ts';
import { scopeOf } from '../modules/orgs/scope.ts';
import * as risk from '../modules/risk/risk.service.ts';
import type { Deps, Principal, RequestContext } from '../server/context.ts';
import { BANKS } from './city.ts';

export interface RiskSeedResult {
  transactions: number;
  alerts: number;
  decided: number;
}

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;
/** Lines per ingest call: each is one database transaction, as a bank's batch would be. */
const BATCH = 1000;

/** The synthesizer's banks as the demo city's partner banks (it has no 招商银行: the rural bank stands in). */
const DEMO_BANK: Record<(typeof BANK_CODES)[number], string> = { 'B-ICBC': 'ICBC', 'B-CCB': 'CCB', 'B-ABC': 'ABC', 'B-BOC': 'BOC', 'B-PSBC': 'PSBC', 'B-CMB': 'SLRCB' };
const bankOf = (code: string): string => DEMO_BANK[code as keyof typeof DEMO_BANK] ?? code;

/**
 * A monitored stream for the demo city, so 交易监测 is not empty on first start: a week of synthetic card
 * transactions with planted mule structures (src/engines/risk/synth.ts), ending at the demo clock's now, fed in
 * batches through the same ingest as a bank's NDJSON. The synthesizer's city spreads its accounts over six banks;
 * the whole stream goes in under the first demo bank (ICBC) so the planted structures stay whole (a bank's own
 * slice would cut most of them). Then the bank's liaison works three alerts through the service: a confirmed mule,
 * a false positive kept on the allow-list, and one escalated to the center, so the queue has every state and the
 * rule statistics have a precision.
 */
export async function seedRisk(deps: Deps, seed: number): Promise<RiskSeedResult> {
  const bank = await deps.db.selectFrom('orgs').select('id').where('code', '=', BANKS[0].code).executeTakeFirst();
  if (!bank) throw new Error(`the demo bank ${BANKS[0].code} is missing`);
  const now = deps.clock.now().getTime();
  const todayStart = Math.floor((now + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
  const synth = synthesize({ seed, accounts: 800, transactions: 3000, start: todayStart - 6 * DAY, days: 7, muleShare: 0.01 });

  let batch: Tx[] = [];
  let transactions = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await risk.ingestParsed(deps, bank.id, batch);
    transactions += batch.length;
    batch = [];
  };
  for (const tx of synth.transactions) {
    // Later today has not happened yet on the demo clock.
    if (tx.at > now) continue;
    batch.push({ ...tx, fromBank: bankOf(tx.fromBank), toBank: bankOf(tx.toBank) });
    if (batch.length >= BATCH) await flush();
  }
  await flush();

  const liaison = await liaisonPrincipal(deps);
  const alerts = await deps.db.selectFrom('risk_alerts').select(['id', 'account', 'score']).where('org_id', '=', bank.id).where('shadow', '=', false).orderBy('score', 'desc').orderBy('id').execute();
  if (!liaison || alerts.length < 3) return { transactions, alerts: alerts.length, decided: 0 };

  const mules = alerts.filter((a) => synth.labels.mules.has(a.account));
  const ordinary = alerts.filter((a) => !synth.labels.mules.has(a.account));
  const confirmed = mules[0] ?? alerts[0];
  const falsePositive = ordinary.at(-1) ?? alerts.at(-1);
  const escalated = [...mules, ...alerts].find((a) => a !== confirmed && a !== falsePositive);
  const ctx: RequestContext = { principal: liaison, ip: null, requestId: 'seed-demo' };
  const scope = await scopeOf(deps.db, liaison);
  const steps: [typeof confirmed, Parameters<typeof risk.decideAlert>[5]][] = [
    [confirmed, { outcome: 'confirmed_mule', note: '核实为收款卡：开户后短期内多笔来款即转出，持卡人无法说明资金来源。' }],
    [falsePositive, { outcome: 'false_positive', note: '客户本人经营周转，已电话核实并查看进货凭证。', allowDays: 30 }],
    [escalated, { outcome: 'escalated', note: '疑似跑分账户，资金仍在流转，请中心研判止付。' }],
  ];
  let decided = 0;
  for (const [alert, input] of steps) {
    if (!alert) continue;
    await risk.decideAlert(deps, ctx, liaison, scope, alert.id, input);
    decided++;
  }
  return { transactions, alerts: alerts.length, decided };
}

async function liaisonPrincipal(deps: Deps): Promise<Principal | null> {
  const row = await deps.db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.username', 'users.role', 'orgs.id as org_id', 'orgs.code', 'orgs.kind', 'orgs.path'])
    .where('users.username', '=', 'demo-bank_liaison')
    .executeTakeFirst();
  if (!row) return null;
  return { type: 'user', id: row.id, name: row.username, role: row.role, orgId: row.org_id, orgCode: row.code, orgKind: row.kind, orgPath: row.path };
}
