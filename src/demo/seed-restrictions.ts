import { appendTimeline, type TimelineEvent } from '../db/timeline.ts';
import type { AppealStatus, RestrictionKind, RestrictionMeasure } from '../db/types.ts';
import { localDateStamp } from '../lib/periods.ts';
import { appealDeadlines } from '../modules/cards/appeal-steps.ts';
import type { Deps } from '../server/context.ts';
import { idNumber, mobilePhone, personName } from './people.ts';
import type { Rng } from './random.ts';

const BANK_REASONS = ['账户短期内频繁大额快进快出，疑似涉诈“过渡账户”，依法限制非柜面业务', '账户与涉诈账户发生资金往来，需本人到柜面核实交易背景', '同一设备登录多个账户，疑似出租出借'];
const PHONE_REASONS = ['电话卡短时间内大量外呼、疑似用于诈骗，需本人重新实名核验', '电话卡涉及诈骗举报，二次实名核验未通过'];
/** What happened to the appeal, if any, for each restriction in turn. */
const APPEALS: (AppealStatus | 'none' | 'overdue')[] = ['none', 'submitted', 'upheld', 'none', 'rejected', 'accepted', 'overdue', 'none', 'reviewing'];

/**
 * Restrictions banks and operators placed under arts. 18 and 11 with the reason given, and appeals against
 * them in every state (one upheld and lifted, one rejected, some open, one past its answer deadline).
 */
export async function seedRestrictions(deps: Deps, rng: Rng, scale: number): Promise<number> {
  const now = deps.clock.now();
  const units = await deps.db.selectFrom('orgs').select(['id', 'kind', 'region_code']).where('kind', 'in', ['bank_branch', 'outlet']).where('active', '=', true).orderBy('id').execute();
  const city = await deps.db.selectFrom('orgs').select('id').where('kind', '=', 'city').executeTakeFirstOrThrow();
  const count = Math.round(27 * scale);
  const events: TimelineEvent[] = [];
  await deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const unit = units[(i * 7) % units.length];
      if (!unit) break;
      const phone = unit.kind === 'outlet';
      const kind: RestrictionKind = phone ? 'phone_card' : i % 5 === 0 ? 'payment_account' : 'bank_account';
      const measure: RestrictionMeasure = phone ? (i % 2 ? 'suspend' : 'limit') : i % 4 === 3 ? 'suspend' : 'limit';
      const restrictedAt = new Date(now.getTime() - rng.int(1, 90) * 86_400_000 - rng.int(0, 86_400) * 1000);
      const fate = APPEALS[i % APPEALS.length] ?? 'none';
      const seq = String(900000 + i);
      const r = await trx
        .insertInto('restrictions')
        .values({
          restriction_no: `XZ${localDateStamp(restrictedAt)}${seq}`,
          org_id: unit.id,
          external_id: `DEMO-${seq}`,
          kind,
          identifier: phone ? mobilePhone(rng) : `6222${rng.digits(15)}`,
          holder_name: personName(rng),
          holder_id_number: idNumber(rng, (unit.region_code ?? '110101').slice(0, 6), { from: 1965, to: 2004 }, now),
          measure,
          reason: rng.pick(phone ? PHONE_REASONS : BANK_REASONS),
          restricted_at: restrictedAt,
          status: fate === 'upheld' ? 'lifted' : 'in_force',
          lifted_at: fate === 'upheld' ? new Date(restrictedAt.getTime() + 9 * 86_400_000) : null,
          lift_reason: fate === 'upheld' ? 'appeal_upheld' : null,
          created_at: restrictedAt,
          updated_at: restrictedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const base = { fromStatus: null, toStatus: null, actorType: 'system' as const, actorId: null, actorName: 'seed-demo', orgId: unit.id };
      events.push({ ...base, subjectId: r.id, at: restrictedAt, kind: 'restricted', toStatus: 'in_force', detail: { measure } });
      if (fate === 'none') continue;
      // Open appeals are recent (within their deadlines) except the overdue one; decided ones are older.
      const submitted = fate === 'overdue' ? new Date(now.getTime() - 20 * 86_400_000) : ['submitted', 'accepted', 'reviewing'].includes(fate) ? new Date(now.getTime() - (fate === 'submitted' ? 1 : 5) * 86_400_000) : new Date(restrictedAt.getTime() + 2 * 86_400_000);
      const { acceptDueAt, dueAt } = appealDeadlines(submitted);
      const decided = fate === 'upheld' || fate === 'rejected';
      const status: AppealStatus = fate === 'overdue' ? 'accepted' : fate;
      const byStaff = i % 3 === 0;
      await trx
        .insertInto('appeals')
        .values({
          restriction_id: r.id,
          punishment_id: null,
          submitted_at: submitted,
          submitted_by: byStaff ? 'staff' : 'partner',
          submitter_org_id: byStaff ? city.id : unit.id,
          grounds: phone ? '本人正常使用，外呼系经营需要，已持证到营业厅核验。' : '账户为本人经营收款账户，资金往来有合同和发票为证。',
          status,
          due_at: dueAt,
          accept_due_at: acceptDueAt,
          decided_at: decided ? new Date(submitted.getTime() + 7 * 86_400_000) : null,
          answer: fate === 'upheld' ? '经核实交易背景真实，申诉成立，已解除限制。' : fate === 'rejected' ? '经核查，账户存在出租出借情形，维持限制。' : null,
          created_at: submitted,
          updated_at: submitted,
        })
        .execute();
      events.push({ ...base, subjectId: r.id, at: submitted, kind: 'appeal.submitted', detail: { by: byStaff ? 'staff' : 'partner' } });
      if (fate === 'upheld') events.push({ ...base, subjectId: r.id, at: new Date(submitted.getTime() + 7 * 86_400_000), kind: 'lifted', fromStatus: 'in_force', toStatus: 'lifted', detail: { reason: 'appeal_upheld' } });
    }
    await appendTimeline(trx, 'restriction_events', events);
  });
  return count;
}
