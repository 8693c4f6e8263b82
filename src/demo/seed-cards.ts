import { appendTimeline } from '../db/timeline.ts';
import type { LeadOutcome, PersonCategory, PersonStatus } from '../db/types.ts';
import { localDateStamp } from '../lib/periods.ts';
import type { Deps } from '../server/context.ts';
import * as leadsRepo from '../modules/cards/leads.repo.ts';
import { appealDeadlines } from '../modules/cards/appeal-steps.ts';
import { MEASURES } from '../modules/cards/punishments.service.ts';
import { idNumber, mobilePhone, personName } from './people.ts';
import type { Rng } from './random.ts';
import { weighted } from './seed-warnings.ts';

const OUTCOMES: [LeadOutcome, number][] = [['education', 0.35], ['administrative', 0.2], ['criminal', 0.12], ['punishment_proposal', 0.18], ['struck_off', 0.15]];
const STRANDED: [PersonStatus, number][] = [['stranded', 0.3], ['contacted', 0.2], ['returning', 0.1], ['returned', 0.15], ['surrendered', 0.1], ['under_control', 0.15]];
const CATEGORIES: PersonCategory[] = ['fraud_record', 'two_card', 'returnee', 'illegal_crossing'];

export interface CardSeedResult {
  leads: number;
  punishments: number;
  notices: number;
  persons: number;
}

/**
 * The 管 and 控 fronts of the demo city: leads from the demo cases' receiving accounts and a ministry list,
 * verified (or not yet, some overdue) with the outcome mix of a year; punishments in every state with
 * appeals (some upheld); notices to branches and outlets (7 sent, 6 replied, as in seed 002); key persons and
 * people stranded abroad with return plans. Written with the repos' bulk inserts; deterministic per seed.
 */
export async function seedCards(deps: Deps, rng: Rng, scale: number): Promise<CardSeedResult> {
  const now = deps.clock.now();
  const today = new Date(now);
  const units = await deps.db.selectFrom('orgs').select(['id', 'code', 'region_code', 'kind']).where('kind', 'in', ['station', 'township']).where('active', '=', true).execute();
  const counties = await deps.db.selectFrom('orgs').select(['id', 'code']).where('kind', '=', 'county').execute();
  const openers = await deps.db.selectFrom('orgs').select(['id', 'code']).where('kind', 'in', ['bank_branch', 'outlet']).execute();
  const banks = await deps.db.selectFrom('orgs').select(['id', 'name', 'code']).where('kind', '=', 'bank').execute();
  const city = await deps.db.selectFrom('orgs').select('id').where('kind', '=', 'city').executeTakeFirstOrThrow();
  const caseCards = await deps.db.selectFrom('case_transfers').innerJoin('cases', 'cases.id', 'case_transfers.case_id').select(['case_transfers.to_account', 'case_transfers.to_bank', 'case_transfers.to_name', 'cases.id as case_id', 'cases.org_id', 'cases.reported_at']).distinctOn('case_transfers.to_account').orderBy('case_transfers.to_account').execute();
  const stationOfCounty = new Map(counties.map((c) => [c.id, units.filter((u) => u.code.startsWith(c.code))]));
  const rows: leadsRepo.NewLead[] = [];
  for (const c of caseCards) {
    const station = rng.pick(stationOfCounty.get(c.org_id) ?? units);
    // Opened at one of the named bank's branches (which one, the bank's answer told).
    const bank = banks.find((b) => b.name === c.to_bank);
    const branches = bank ? openers.filter((o) => o.code.startsWith(`${bank.code}-`)) : [];
    const branch = branches.length ? rng.pick(branches) : null;
    rows.push({ source: 'case', externalId: null, kind: 'bank_account', identifier: c.to_account, holderName: c.to_name, holderIdNumber: null, holderPhone: null, openedAtOrgId: branch?.id ?? bank?.id ?? null, openedAtName: bank ? null : c.to_bank, caseId: c.case_id, orgId: station.id, dueAt: new Date(c.reported_at.getTime() + 15 * 86_400_000) });
  }
  const ministry = Math.round(200 * scale);
  for (let i = 0; i < ministry; i++) {
    const station = rng.pick(units);
    const phone = rng.next() < 0.4;
    rows.push({ source: 'ministry', externalId: `MPS-2026-${String(i + 1).padStart(5, '0')}`, kind: phone ? 'phone_card' : 'bank_account', identifier: phone ? mobilePhone(rng) : `6222${rng.digits(15)}`, holderName: personName(rng), holderIdNumber: idNumber(rng, (station.region_code ?? '110101').slice(0, 6), { from: 1960, to: 2004 }, today), holderPhone: null, openedAtOrgId: rng.pick(openers).id, openedAtName: null, caseId: null, orgId: station.id, dueAt: new Date(now.getTime() - rng.int(-20, 300) * 86_400_000) });
  }
  let punishments = 0;
  await deps.db.transaction().execute(async (trx) => {
    const inserted: { id: number; org_id: number }[] = [];
    for (let i = 0; i < rows.length; i += 1000) inserted.push(...(await leadsRepo.insertMany(trx, rows.slice(i, i + 1000), now, localDateStamp(now))));
    await leadsRepo.insertEvents(trx, inserted.map((r) => ({ leadId: r.id, at: now, kind: 'assigned', fromStatus: null, toStatus: 'assigned', actorType: 'system', actorId: null, actorName: 'seed-demo', orgId: r.org_id, detail: {} })));
    // Leads whose deadline is long past were verified; the rest are open (some of them overdue).
    const done = inserted.filter(() => rng.next() < 0.7);
    for (const l of done) {
      const outcome = weighted(rng, OUTCOMES);
      await leadsRepo.update(trx, l.id, { status: 'closed', outcome, outcome_note: outcome === 'struck_off' ? '经核查系被盗用，核减' : null, closed_at: new Date(now.getTime() - rng.int(1, 200) * 86_400_000) });
    }
    // Punishments: proposed, in force (some with the notice delivered), rejected, lifted on appeal, expired.
    const states = ['proposed', 'active', 'active', 'active', 'rejected', 'lifted', 'expired'] as const;
    const count = Math.round(30 * scale);
    for (let i = 0; i < count; i++) {
      const status = states[i % states.length] ?? 'proposed';
      const unit = rng.pick(units);
      const started = new Date(now.getTime() - rng.int(10, status === 'expired' ? 1200 : 400) * 86_400_000);
      const years = rng.next() < 0.2 ? 3 : 2;
      const ends = new Date(started);
      ends.setUTCFullYear(ends.getUTCFullYear() + years);
      const decided = status !== 'proposed';
      const r = await trx
        .insertInto('punishments')
        .values({
          notice_no: `CJ${localDateStamp(started)}${String(900000 + i)}`,
          person_id_number: idNumber(rng, (unit.region_code ?? '110101').slice(0, 6), { from: 1970, to: 2004 }, today),
          person_name: personName(rng),
          org_id: unit.id,
          findings: JSON.stringify({ cards: rng.int(3, 8), times: rng.int(1, 5), counterparties: rng.int(1, 4), convicted: years === 3 }),
          grounds: years === 3 ? ['cards', 'convicted'] : ['cards'],
          years,
          measures: [...MEASURES],
          status: status === 'expired' && ends > now ? 'active' : status,
          proposed_at: started,
          approved_at: decided && status !== 'rejected' ? started : null,
          starts_at: decided && status !== 'rejected' ? started : null,
          ends_at: decided && status !== 'rejected' ? ends : null,
          delivered_at: status === 'active' && rng.next() < 0.7 ? new Date(started.getTime() + 2 * 86_400_000) : null,
          delivery_method: 'in_person',
          lifted_at: status === 'lifted' ? new Date(Math.min(started.getTime() + 40 * 86_400_000, now.getTime())) : status === 'expired' ? ends : null,
          lift_reason: status === 'lifted' ? 'appeal_upheld' : status === 'expired' ? 'period_ended' : null,
          created_at: started,
          updated_at: started,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendTimeline(trx, 'punishment_events', [{ subjectId: r.id, at: started, kind: 'proposed', fromStatus: null, toStatus: 'proposed', actorType: 'system', actorId: null, actorName: 'seed-demo', orgId: unit.id, detail: {} }]);
      if (status === 'lifted' || (status === 'active' && i % 5 === 1)) {
        // Appeals come a few weeks after the measure started, and never after today.
        const at = new Date(Math.min(started.getTime() + 20 * 86_400_000, now.getTime() - 2 * 86_400_000));
        const upheld = status === 'lifted';
        await trx
          .insertInto('appeals')
          .values({ punishment_id: r.id, submitted_at: at, submitted_by: rng.next() < 0.5 ? 'partner' : 'staff', grounds: '本人银行卡遗失后被他人使用，非本人出售。', status: upheld ? 'upheld' : i % 10 === 1 ? 'reviewing' : 'rejected', due_at: appealDeadlines(at).dueAt, accept_due_at: appealDeadlines(at).acceptDueAt, decided_at: upheld || i % 10 !== 1 ? new Date(Math.min(at.getTime() + 10 * 86_400_000, now.getTime())) : null, answer: upheld ? '经核查申诉成立，解除惩戒。' : i % 10 !== 1 ? '经核查，申诉理由不成立。' : null, created_at: at, updated_at: at })
          .execute();
      }
      punishments++;
    }
    // Notices to branches and outlets: 7 sent, 6 replied.
    for (let i = 0; i < 7; i++) {
      const to = rng.pick(openers);
      const issued = new Date(now.getTime() - rng.int(10, 120) * 86_400_000);
      await trx
        .insertInto('unit_notices')
        .values({ notice_no: `TSH${localDateStamp(issued)}${String(9000 + i)}`, to_org_id: to.id, from_org_id: city.id, kind: i === 6 ? 'summons' : 'rectification', subject: '涉案账户（电话卡）开户审核整改', body: '贵单位本季度新开账户（电话卡）中涉案数量较多，请落实实名核验和风险提示，于 7 日内书面回复整改情况。', issued_at: issued, reply_due_at: new Date(issued.getTime() + 7 * 86_400_000), reply_text: i < 6 ? '已组织全员培训，加强开户尽职调查，详见整改报告。' : null, replied_at: i < 6 ? new Date(issued.getTime() + rng.int(2, 7) * 86_400_000) : null, replied_by: i < 6 ? 'seed-demo' : null, created_at: issued })
        .execute();
    }
  });
  // Key persons, and people stranded abroad with a plan and family contacts.
  const persons = Math.round(40 * scale);
  // Most files have the unit's own officer responsible (责任民警); a few still wait for one.
  const officers = await deps.db.selectFrom('users').select(['id', 'org_id']).where('role', '=', 'station_officer').where('active', '=', true).orderBy('id').execute();
  const officerOf = new Map<number, number>();
  for (const o of officers) if (!officerOf.has(o.org_id)) officerOf.set(o.org_id, o.id);
  await deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < persons; i++) {
      const unit = rng.pick(units);
      const stranded = i % 2 === 0;
      const listed = new Date(now.getTime() - rng.int(5, 500) * 86_400_000);
      const status: PersonStatus = stranded ? weighted(rng, STRANDED) : 'under_control';
      const r = await trx
        .insertInto('key_persons')
        .values({
          id_number: idNumber(rng, (unit.region_code ?? '110101').slice(0, 6), { from: 1975, to: 2005 }, today),
          name: personName(rng),
          phone: mobilePhone(rng),
          category: stranded ? 'stranded_abroad' : rng.pick(CATEGORIES),
          org_id: unit.id,
          officer_id: i % 5 === 4 ? null : (officerOf.get(unit.id) ?? null),
          measures: stranded ? [] : ['每月谈话', '重点时段管控'],
          status,
          abroad_location: stranded ? rng.pick(['缅甸妙瓦底', '柬埔寨西港', '老挝金三角', '菲律宾马尼拉']) : null,
          return_plan: stranded ? '一人一策：通过家属做思想工作，协调出入境证件，约定入境口岸接回。' : null,
          family_contacts: JSON.stringify(stranded ? [{ name: personName(rng), relation: rng.pick(['父亲', '母亲', '配偶', '兄弟']), phone: mobilePhone(rng) }] : []),
          listed_at: listed,
          returned_at: ['returned', 'surrendered', 'under_control'].includes(status) && stranded ? new Date(listed.getTime() + 60 * 86_400_000) : null,
          control_until: status === 'under_control' ? new Date(listed.getTime() + 425 * 86_400_000) : null,
          created_at: listed,
          updated_at: listed,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (r) await appendTimeline(trx, 'person_events', [{ subjectId: r.id, at: listed, kind: 'listed', fromStatus: null, toStatus: status, actorType: 'system', actorId: null, actorName: 'seed-demo', orgId: unit.id, detail: {} }]);
    }
  });
  return { leads: rows.length, punishments, notices: 7, persons };
}
