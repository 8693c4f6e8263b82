import { sql } from 'kysely';
import { addDays, dayStart, localDateStamp, localDay } from '../lib/periods.ts';
import { LETTER_TEMPLATES } from '../modules/liaison/letter-templates.ts';
import { insertNotifications } from '../modules/notifications/notifications.repo.ts';
import type { Deps } from '../server/context.ts';
import { CITY } from './city.ts';

export interface LiaisonSeedResult {
  meetings: number;
  tasks: number;
  letters: number;
}

const HOUR = 3_600_000;

/** A decision of a demo meeting: its owner, deadline (days from today, 18:00) and, if answered, the answer. */
interface Decision {
  owner: string;
  title: string;
  detail?: string;
  dueIn: number;
  reply?: { daysAgo: number; by: string; text: string };
}

interface Meeting {
  daysAgo: number;
  title: string;
  attendees: string[];
  minutes: string;
  decisions: Decision[];
}

/** Two meetings: an older one whose tasks are answered but one overdue, and a recent one still open. */
const MEETINGS: readonly Meeting[] = [
  {
    daysAgo: 38,
    title: '打击治理电信网络诈骗联席会议（季度例会）',
    attendees: ['PBOC', 'POST', 'EDU', 'SAMR', 'CAC', 'ICBC', 'CCB', 'CMCC', 'CUCC'],
    minutes:
      '通报上季度全市电信网络诈骗发案、破案和资金止付冻结情况，分析刷单返利、虚假投资理财类案件高发原因。会议要求各成员单位落实行业监管责任，银行、运营商加强开户入网审核，对涉诈账户和电话卡开展集中排查清理。',
    decisions: [
      { owner: 'PBOC', title: '组织辖内银行开展涉诈账户集中排查', detail: '对近一年新开个人账户中短期内大额快进快出的开展排查，结果报联席办。', dueIn: -12, reply: { daysAgo: 15, by: 'demo-member_contact', text: '已组织辖内 6 家银行完成排查，涉及可疑账户 312 户，已采取限制非柜面业务措施 287 户，明细见附件。' } },
      { owner: 'ICBC', title: '完成开户网点审核整改并报送整改报告', detail: '针对断卡行动通报的涉案账户集中网点，逐一落实整改。', dueIn: -5 },
      { owner: 'CMCC', title: '开展涉诈电话卡专项清理', dueIn: -8, reply: { daysAgo: 10, by: 'liaison-cmcc', text: '已完成对高风险号段的二次实名核验，关停涉诈电话卡 1,046 张，整改问题营业厅 3 家。' } },
    ],
  },
  {
    daysAgo: 6,
    title: '开学季反诈宣传暨断卡行动推进会',
    attendees: ['PBOC', 'POST', 'EDU', 'CIVIL', 'ABC', 'CTCC'],
    minutes:
      '研究部署开学季校园反诈宣传和断卡行动下一阶段工作。教育部门牵头组织校园宣传，人民银行和邮政管理部门分别负责银行网点和寄递渠道的宣传与排查，民政部门配合开展老年人群体宣传。',
    decisions: [
      { owner: 'EDU', title: '组织全市中小学、高校开展开学季反诈宣传', detail: '每校至少开展一次主题班会，覆盖率报联席办。', dueIn: 20 },
      { owner: 'PBOC', title: '银行网点张贴断卡宣传材料并组织柜面提示', dueIn: 14 },
      { owner: 'POST', title: '寄递渠道涉诈银行卡、电话卡排查', detail: '重点检查寄往境外和边境地区的卡类邮件。', dueIn: 10, reply: { daysAgo: 2, by: 'demo-center_analyst', text: '已部署全市寄递企业开展排查，查获涉诈银行卡 17 张，已移交公安机关。' } },
      { owner: 'CIVIL', title: '养老机构和社区老年人反诈宣传', dueIn: 30 },
    ],
  },
];

/** This year's units left unsigned; the demo member unit (PBOC) has no letter yet, so its contact can be sent one. */
const UNSIGNED = new Set(['CAC', 'SAMR', 'ABC', 'CTCC']);
const NOT_ISSUED = new Set(['PBOC']);

/**
 * The joint-meeting office (联席办) of the demo city: two meetings whose decisions became tasks of member
 * units, banks and operators (answered, open, and one past its deadline), and the responsibility letters
 * (责任书) of last year (all signed) and of this year (most signed, some awaiting signature, the demo
 * member unit's not yet sent). Deterministic for a given day.
 */
export async function seedLiaison(deps: Deps): Promise<LiaisonSeedResult> {
  const now = deps.clock.now();
  const today = localDay(now);
  const at = (day: string, hours: number) => new Date(dayStart(day).getTime() + hours * HOUR);
  const city = await deps.db.selectFrom('orgs').select('id').where('code', '=', CITY.code).executeTakeFirstOrThrow();
  const units = await deps.db.selectFrom('orgs').select(['id', 'code', 'name', 'kind']).where('kind', 'in', ['member_unit', 'bank', 'operator']).where('active', '=', true).orderBy('code').execute();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const unit = (code: string) => {
    const u = byCode.get(code);
    if (!u) throw new Error(`the demo city has no unit ${code}`);
    return u;
  };
  let tasks = 0;
  let letters = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const m of MEETINGS) {
      const held = at(addDays(today, -m.daysAgo), 14.5);
      const seq = await sql<{ n: string }>`SELECT nextval('liaison_meeting_no_seq')::text AS n`.execute(trx);
      const meeting = await trx
        .insertInto('liaison_meetings')
        .values({ meeting_no: `LXH${localDateStamp(held)}${String(seq.rows[0]?.n ?? 0).padStart(3, '0')}`, org_id: city.id, held_at: held, title: m.title, attendee_ids: m.attendees.map((c) => unit(c).id), minutes: m.minutes, created_by: 'demo-center_analyst', created_at: new Date(held.getTime() + 3 * HOUR) })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
      const rows = await trx
        .insertInto('liaison_tasks')
        .values(
          m.decisions.map((d) => ({
            meeting_id: meeting.id,
            from_org_id: city.id,
            owner_org_id: unit(d.owner).id,
            title: d.title,
            detail: d.detail ?? null,
            due_at: at(addDays(today, d.dueIn), 18),
            reply_text: d.reply?.text ?? null,
            replied_at: d.reply ? at(addDays(today, -d.reply.daysAgo), 10) : null,
            replied_by: d.reply?.by ?? null,
            created_at: meeting.created_at,
          })),
        )
        .returning(['id', 'owner_org_id', 'title', 'replied_at'])
        .execute();
      tasks += rows.length;
      await insertNotifications(trx, [
        ...rows.map((t) => ({ orgId: t.owner_org_id, kind: 'liaison.task', title: `联席会议任务：${t.title}`, targetType: 'liaison_task', targetId: String(t.id), at: meeting.created_at })),
        ...rows.flatMap((t, i) => (t.replied_at ? [{ orgId: city.id, kind: 'liaison.replied', title: `联席会议任务已回复（${unit(m.decisions[i]?.owner ?? '').name}）：${t.title}`, targetType: 'liaison_task', targetId: String(t.id), at: t.replied_at }] : [])),
      ]);
    }
    const year = Number(today.slice(0, 4));
    const letterRows = [year - 1, year].flatMap((y) =>
      units
        .filter((u) => y < year || !NOT_ISSUED.has(u.code))
        .map((u, i) => {
          const kind = u.kind === 'bank' || u.kind === 'operator' ? u.kind : 'member_unit';
          // Sent in the first days of January, signed within the month (never after today).
          const issued = at(`${y}-01-0${2 + (i % 5)}`, 9);
          const signed = y < year || !UNSIGNED.has(u.code) ? [addDays(`${y}-01-10`, i), today].sort()[0] : null;
          const created = issued < now ? issued : now;
          return { org_id: u.id, year: y, title: `${y}年度打击治理电信网络诈骗工作目标责任书`, items: JSON.stringify(LETTER_TEMPLATES[kind]), signed_on: signed ?? null, signed_by: signed ? (u.code === 'PBOC' ? 'demo-member_contact' : 'demo-center_analyst') : null, created_by: 'demo-center_analyst', created_at: created, updated_at: created };
        }),
    );
    await trx.insertInto('responsibility_letters').values(letterRows).execute();
    letters = letterRows.length;
  });
  return { meetings: MEETINGS.length, tasks, letters };
}
