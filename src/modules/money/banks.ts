import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';

/** Short names people write for the big banks. */
const ALIASES: Record<string, string> = { 工行: '工商银行', 农行: '农业银行', 中行: '中国银行', 建行: '建设银行', 邮储: '邮政储蓄银行', 交行: '交通银行', 招行: '招商银行' };

/** The distinctive core of a bank's name: "中国工商银行示例市分行" → "工商银行". */
export function bankCore(name: string): string {
  let s = name.replace(/\s+/g, '').replace(/(股份有限公司|有限责任公司)/g, '');
  // Everything after the first "银行" names a branch: "中国工商银行示例市分行" → "中国工商银行".
  const bank = s.indexOf('银行');
  if (bank >= 0) s = s.slice(0, bank + 2);
  if (s !== '中国银行') s = s.replace(/^中国/, '');
  return ALIASES[s] ?? s;
}

export interface BankOrg {
  id: number;
  code: string;
  name: string;
  core: string;
}

/**
 * Finds the partner bank a transfer names, by code ("ICBC") or name in its usual forms ("工商银行",
 * "中国工商银行", "工行"). Unknown banks return null: their requests wait for the center to follow up.
 */
export function matchBank(banks: readonly BankOrg[], given: string): BankOrg | null {
  const code = given.trim().toUpperCase();
  const byCode = banks.find((b) => b.code.toUpperCase() === code);
  if (byCode) return byCode;
  const core = bankCore(given);
  if (core.length < 2) return null;
  return banks.find((b) => b.core === core) ?? banks.find((b) => b.core.length >= 2 && (core.includes(b.core) || b.core.includes(core))) ?? null;
}

export async function loadBanks(db: Kysely<DB>): Promise<BankOrg[]> {
  const rows = await db.selectFrom('orgs').select(['id', 'code', 'name']).where('kind', '=', 'bank').where('active', '=', true).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, core: bankCore(r.name) }));
}
