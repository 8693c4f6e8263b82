import { sql } from 'kysely';
import type { CaseStatus, StopPaymentStatus } from '../db/types.ts';
import type { FraudType } from '../lib/fraud-types.ts';
import { luhnValid } from '../lib/bank-account.ts';
import { fromFen } from '../lib/money.ts';
import type { Deps } from '../server/context.ts';
import { caseNumber } from '../modules/cases/cases.service.ts';
import * as casesRepo from '../modules/cases/cases.repo.ts';
import { loadBanks } from '../modules/money/banks.ts';
import * as freezesRepo from '../modules/money/freezes.repo.ts';
import * as stopsRepo from '../modules/money/stop-payments.repo.ts';
import { BANKS } from './city.ts';
import { mobilePhone, personName } from './people.ts';
import type { Rng } from './random.ts';
import { FRAUD_MIX, weighted } from './seed-warnings.ts';

/** How each fraud type is told at the hotline (the classifier reads these when the type is left out). */
const STORIES: Partial<Record<FraudType, string>> = {
  刷单返利: '受害人在社交平台看到兼职刷单广告，按对方要求做任务垫付资金，连单后被告知操作失误无法提现。',
  虚假网络投资理财: '受害人被拉入炒股群，所谓导师荐股，在虚假投资平台充值后无法提现。',
  贷款代办信用卡: '受害人网上申请贷款，对方以解冻金、流水不足为由多次要求转账。',
  冒充电商物流客服: '对方冒充快递客服称快递丢件需要理赔，诱导受害人共享屏幕并转账。',
  虚假征信: '对方自称金融平台客服，称受害人学生账户需要注销否则影响征信，诱导转账。',
  冒充公检法: '对方自称公安局民警，称受害人涉嫌洗钱，要求将资金转入安全账户配合资金核查。',
  冒充领导熟人: '对方冒充单位领导添加微信，称急用钱让受害人帮忙转账。',
  网络婚恋交友: '受害人在婚恋网站认识网友，对方以结婚、投资为由多次借钱后失联。',
};

const CASE_STATUS_BY_AGE: [CaseStatus, number][] = [['prosecuted', 0.18], ['solved', 0.12], ['investigating', 0.3], ['filed', 0.3], ['withdrawn', 0.03], ['accepted', 0.07]];
/** The status mix with solved and prosecuted cases scaled by `f`; what they lose stays under investigation. */
function statusMixOf(f: number): [CaseStatus, number][] {
  const moved = CASE_STATUS_BY_AGE.filter(([s]) => s === 'solved' || s === 'prosecuted').reduce((a, [, w]) => a + w * (1 - f), 0);
  return CASE_STATUS_BY_AGE.map(([s, w]) => [s, s === 'solved' || s === 'prosecuted' ? w * f : s === 'investigating' ? w + moved : w]);
}
const ANSWERS: [StopPaymentStatus, number][] = [['stopped', 0.42], ['no_balance', 0.3], ['mismatch', 0.08], ['rejected', 0.05], ['expired', 0.1], ['released', 0.05]];

/** A card number with a valid Luhn digit, on the BIN of the given bank. */
function cardNumber(rng: Rng, bin: string): string {
  const body = bin + rng.digits(18 - bin.length);
  for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
  return `${body}0`;
}
const BINS = ['622202', '622848', '621661', '621700', '621799', '622319'];

interface Gang {
  accounts: { account: string; bank: string; name: string }[];
  second: { account: string; bank: string }[];
}

export interface CaseSeedResult {
  cases: number;
  stopPayments: number;
  flows: number;
  frozen: number;
  returned: number;
}

/**
 * A year of cases for the demo city: the fraud-type mix of the seeds, losses of a few thousand to a few
 * hundred thousand yuan, 1–4 transfers each into the mule accounts of a few dozen gangs (cases of one gang
 * share accounts, so serial cases show), a stop-payment per receiving account answered in every way, freezes
 * and returns of the older stops, the onward flows banks reported (some cashed out), and case statuses that advance with age. Recent days hold
 * pending requests. Written in bulk with the repos' insert functions; deterministic per seed.
 * With `yearsBack` the year lies that many years further back (the year before, for 同比), without the recent
 * days; `solvedShare` scales the share of solved and prosecuted cases (the rest still under investigation).
 */
export async function seedCases(deps: Deps, rng: Rng, count: number, onProgress?: (done: number, total: number) => void, opts: { yearsBack?: number; solvedShare?: number } = {}): Promise<CaseSeedResult> {
  const now = deps.clock.now().getTime();
  const shift = (opts.yearsBack ?? 0) * 365 * 86_400_000;
  const statusMix = statusMixOf(opts.solvedShare ?? 1);
  const banks = await loadBanks(deps.db);
  const counties = await deps.db.selectFrom('orgs').select(['id', 'region_code']).where('kind', '=', 'county').where('active', '=', true).execute();
  const gangs: Gang[] = Array.from({ length: Math.max(5, Math.round(count / 40)) }, () => ({
    accounts: Array.from({ length: rng.int(3, 10) }, () => {
      const b = rng.int(0, BANKS.length - 1);
      return { account: cardNumber(rng, BINS[b] ?? '622202'), bank: BANKS[b]?.name ?? '', name: personName(rng) };
    }),
    second: Array.from({ length: rng.int(3, 8) }, () => {
      const b = rng.int(0, BANKS.length - 1);
      return { account: cardNumber(rng, BINS[b] ?? '622202'), bank: BANKS[b]?.name ?? '' };
    }),
  }));
  let stopPayments = 0;
  let flows = 0;
  let frozen = 0;
  let returned = 0;
  const seq = await casesRepo.nextCaseSeq(deps.db);
  const CHUNK = 500;
  for (let start = 0; start < count; start += CHUNK) {
    await deps.db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const age = i % 30 === 0 && shift === 0 ? rng.next() * 2 * 86_400_000 : shift + rng.next() * 365 * 86_400_000;
        const reported = new Date(now - age);
        const county = rng.pick(counties);
        const fraudType = weighted(rng, FRAUD_MIX);
        const gang = rng.pick(gangs);
        const victimAccount = cardNumber(rng, rng.pick(BINS));
        const transfers = Array.from({ length: rng.int(1, 4) }, (_, k) => {
          const to = rng.pick(gang.accounts);
          const amount = rng.int(5, 2000) * 100 * (rng.next() < 0.1 ? 10 : 1);
          return { fromAccount: victimAccount, fromBank: rng.pick(BANKS).name, toAccount: to.account, toBank: to.bank, toName: to.name, amountFen: amount * 100, at: new Date(reported.getTime() - (4 - k) * rng.int(5, 90) * 60_000) };
        });
        const lossFen = transfers.reduce((s, t) => s + t.amountFen, 0);
        const ageDays = age / 86_400_000;
        const status: CaseStatus = ageDays < 2 ? 'accepted' : ageDays < 20 ? (rng.next() < 0.5 ? 'filed' : 'accepted') : weighted(rng, statusMix);
        const story = STORIES[fraudType];
        const id = await casesRepo.insertCase(trx, {
          caseNo: caseNumber(reported, seq + i),
          source: rng.next() < 0.7 ? '96110' : '110',
          externalId: null,
          reportedAt: reported,
          receivedAt: reported,
          regionCode: county.region_code,
          orgId: county.id,
          fraudType,
          fraudTypeSource: story && rng.next() < 0.3 ? 'classified' : 'given',
          narrative: story ?? `受害人报称遭遇${fraudType}类诈骗，损失 ${fromFen(lossFen)} 元。`,
          lossAmount: fromFen(lossFen),
          victim: { name: personName(rng), phone: mobilePhone(rng), idNumber: null, age: rng.int(18, 80), occupation: rng.pick(['学生', '退休人员', '企业职工', '个体经营', '公职人员', '自由职业', '务农']) },
          warningId: null,
        });
        // Solved cases caught 1–4 suspects about three weeks in; prosecuted ones sent most of them on a week later.
        const solvedAt = new Date(Math.min(reported.getTime() + rng.int(10, 30) * 86_400_000, now - 86_400_000));
        const arrested = rng.int(1, 4);
        const milestones = status === 'solved' || status === 'prosecuted' ? { solved_at: solvedAt, suspects_arrested: arrested, ...(status === 'prosecuted' ? { prosecuted_at: new Date(Math.min(solvedAt.getTime() + 7 * 86_400_000, now)), suspects_prosecuted: rng.int(1, arrested) } : {}) } : {};
        if (status !== 'accepted') await casesRepo.update(trx, id, { status, last_progress_at: reported, ...(status === 'prosecuted' || status === 'withdrawn' ? { closed_at: new Date(reported.getTime() + 30 * 86_400_000) } : {}), ...milestones });
        await casesRepo.insertTransfers(trx, id, transfers.map((t) => ({ ...t, amount: fromFen(t.amountFen), at: t.at.toISOString() })));
        await casesRepo.insertIdentifiers(trx, id, [...new Set(transfers.map((t) => t.toAccount))].map((value) => ({ kind: 'account' as const, value })));
        await casesRepo.insertEvents(trx, [{ caseId: id, at: reported, kind: 'opened', fromStatus: null, toStatus: 'accepted', actorType: 'system', actorId: null, actorName: 'seed-demo', orgId: county.id, detail: { source: 'demo' } }]);
        const byAccount = new Map<string, { bank: string; name: string; fen: number; at: Date }>();
        for (const t of transfers) {
          const prev = byAccount.get(t.toAccount);
          byAccount.set(t.toAccount, { bank: t.toBank, name: t.toName, fen: (prev?.fen ?? 0) + t.amountFen, at: prev?.at ?? t.at });
        }
        const requested = await stopsRepo.insertMany(
          trx,
          [...byAccount].map(([account, v]) => {
            const bank = banks.find((b) => b.name === v.bank);
            return { caseId: id, account, bank: v.bank, bankOrgId: bank?.id ?? null, accountName: v.name, amount: fromFen(v.fen), hop: 1, parentId: null, status: 'pending' as const, at: reported };
          }),
        );
        stopPayments += requested.length;
        if (ageDays < 2) continue;
        for (const r of requested) {
          const v = byAccount.get(r.account);
          if (!v) continue;
          const answer = weighted(rng, ANSWERS);
          const responded = new Date(reported.getTime() + rng.int(10, 240) * 60_000);
          const stoppedFen = answer === 'no_balance' || answer === 'mismatch' || answer === 'rejected' ? null : Math.round(v.fen * (0.2 + rng.next() * 0.8));
          await stopsRepo.update(trx, r.id, {
            status: answer,
            responded_at: responded,
            stopped_amount: stoppedFen === null ? null : fromFen(stoppedFen),
            balance: answer === 'no_balance' ? '0.00' : null,
            expires_at: stoppedFen === null ? null : new Date(responded.getTime() + 48 * 3_600_000),
            updated_at: responded,
          });
          // Recent stops wait for a freeze the bank has not carried out yet; now and then a bank refuses one.
          if (stoppedFen !== null && answer === 'stopped' && ageDays <= 30 && rng.next() < 0.4) {
            const at = new Date(responded.getTime() + rng.int(1, 20) * 3_600_000);
            const fid = await freezesRepo.insert(trx, { caseId: id, account: r.account, bank: v.bank, bankOrgId: r.bank_org_id, stopPaymentId: r.id, documentNo: `${county.region_code}公(刑)冻字〔${reported.getUTCFullYear()}〕${seq + i}号`, ...(rng.next() < 0.3 ? { kind: 'limited' as const, limitAmount: fromFen(stoppedFen) } : { kind: 'full' as const, limitAmount: null }), months: 6, at });
            if (rng.next() < 0.15) await freezesRepo.update(trx, fid, { status: 'rejected', response_note: '账户已销户', updated_at: at });
          }
          // Older stops became freezes (the stop released), and many of those were returned to the victim.
          if (stoppedFen !== null && answer === 'stopped' && ageDays > 30 && rng.next() < 0.6) {
            const frozenAt = new Date(responded.getTime() + rng.int(1, 40) * 3_600_000);
            const fid = await freezesRepo.insert(trx, { caseId: id, account: r.account, bank: v.bank, bankOrgId: r.bank_org_id, stopPaymentId: r.id, documentNo: `${county.region_code}公(刑)冻字〔${reported.getUTCFullYear()}〕${seq + i}号`, kind: 'full', limitAmount: null, months: 6, at: frozenAt });
            const expires = new Date(frozenAt.getTime() + 182 * 86_400_000);
            // Some were released early by document (the case closed, the money accounted for otherwise).
            const status = expires.getTime() < now ? 'expired' : rng.next() < 0.1 ? 'released' : 'frozen';
            await freezesRepo.update(trx, fid, { status, frozen_at: frozenAt, frozen_amount: fromFen(stoppedFen), expires_at: expires, updated_at: frozenAt });
            await stopsRepo.update(trx, r.id, { status: 'released', updated_at: frozenAt });
            if (ageDays > 60 && rng.next() < 0.7) {
              const paidAt = new Date(frozenAt.getTime() + rng.int(15, 50) * 86_400_000);
              const rid = await freezesRepo.insertReturn(trx, { freezeId: fid, method: 'traced', totalAmount: fromFen(stoppedFen), status: 'approved', noticeUntil: null, at: paidAt, note: null });
              // The shares first, as the service does: the statistics count a return's shares when it is paid.
              await freezesRepo.insertShares(trx, rid, [{ caseId: id, basis: fromFen(v.fen), amount: fromFen(stoppedFen) }]);
              await freezesRepo.updateReturn(trx, rid, { status: 'paid', paid_at: paidAt, bank_reference: `RT${seq + i}`, updated_at: paidAt });
              await freezesRepo.update(trx, fid, { returned_amount: fromFen(stoppedFen) });
              returned++;
            }
            frozen++;
          }
          // Where the rest went: one to three onward transfers, now and then a cash withdrawal.
          const gone = v.fen - (stoppedFen ?? 0);
          if (gone <= 0 || answer === 'mismatch' || answer === 'rejected') continue;
          const parts = rng.int(1, 3);
          const outs = Array.from({ length: parts }, (_, k) => {
            const cash = rng.next() < 0.2;
            const to = cash ? { account: r.account.slice(0, 6) + '0'.repeat(13), bank: v.bank } : rng.pick(gang.second);
            return { fromAccount: r.account, toAccount: to.account, toBank: to.bank, amount: fromFen(Math.floor(gone / parts)), at: new Date(v.at.getTime() + (k + 1) * rng.int(2, 30) * 60_000), channel: cash ? ('cash_out' as const) : ('transfer' as const), stopPaymentId: r.id, caseId: id };
          });
          flows += await stopsRepo.insertFlows(trx, outs.filter((o) => o.toAccount !== o.fromAccount && Number(o.amount) > 0));
        }
      }
    });
    onProgress?.(Math.min(count, start + CHUNK), count);
  }
  await sql`SELECT setval('case_no_seq', ${seq + count})`.execute(deps.db);
  return { cases: count, stopPayments, flows, frozen, returned };
}
