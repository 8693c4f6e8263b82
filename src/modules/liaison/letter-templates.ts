import type { OrgKind } from '../../lib/roles.ts';

/** One commitment of a responsibility letter (责任书): what the unit undertakes and how. */
export interface LetterCommitment {
  item: string;
  measure: string;
}

/** The kinds of unit a letter template is written for. */
export type LetterTemplateKind = Extract<OrgKind, 'member_unit' | 'bank' | 'operator' | 'county'>;

/**
 * The commitments a new letter starts with, by the kind of unit: the web app's letter form starts from them
 * and the demo city's letters carry them. They are the document's content, not the screen's words: written
 * in Chinese whatever the screen's language, and edited before sending.
 */
export const LETTER_TEMPLATES: Readonly<Record<LetterTemplateKind, readonly Readonly<LetterCommitment>[]>> = {
  member_unit: [
    { item: '落实行业主管责任', measure: '明确分管领导和联络员，按联席会议要求按期报送工作情况' },
    { item: '行业领域涉诈风险排查', measure: '每季度组织一次本行业涉诈风险排查，发现问题及时通报' },
    { item: '反诈宣传进行业', measure: '在本系统窗口单位和服务场所常态化开展反诈宣传' },
  ],
  bank: [
    { item: '开户审核与尽职调查', measure: '严格落实开户实名制和风险评估，异常开户一律审慎处理' },
    { item: '涉诈账户排查管控', measure: '按月排查快进快出等异常账户，依法采取限制措施' },
    { item: '紧急止付与冻结', measure: '收到止付冻结请求后按时限办理并反馈' },
  ],
  operator: [
    { item: '电话卡实名制', measure: '严格落实入网实名核验，整治代理商违规开卡' },
    { item: '涉诈电话卡清理', measure: '对高风险号卡开展二次实名核验，依法关停涉诈号卡' },
    { item: '预警劝阻配合', measure: '配合反诈中心开展涉诈来电拦截和短信提示' },
  ],
  county: [
    { item: '属地责任', measure: '党委政府主要负责同志牵头，将反诈工作纳入平安建设考核' },
    { item: '发案和损失双下降', measure: '发案数、损失金额同比下降，劝阻成功率不低于全市平均' },
    { item: '全民反诈宣传', measure: '国家反诈中心 App 注册率逐季提升，重点人群宣传全覆盖' },
  ],
};

/** Whether a kind of unit has a template of its own. */
export function hasLetterTemplate(kind: OrgKind): kind is LetterTemplateKind {
  return Object.hasOwn(LETTER_TEMPLATES, kind);
}
