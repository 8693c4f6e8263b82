/**
 * Mainland mobile numbers: 11 digits starting with a number segment allocated to an operator.
 * A leading +86 / 86 / 0086 is accepted and stripped by normalizePhone.
 */
const MOBILE_PREFIXES: Record<string, 'cmcc' | 'cucc' | 'ctcc' | 'cbn' | 'mvno'> = {};
const add = (op: 'cmcc' | 'cucc' | 'ctcc' | 'cbn' | 'mvno', prefixes: string[]): void => {
  for (const p of prefixes) MOBILE_PREFIXES[p] = op;
};
add('cmcc', ['134', '135', '136', '137', '138', '139', '147', '148', '150', '151', '152', '157', '158', '159', '172', '178', '182', '183', '184', '187', '188', '195', '197', '198']);
add('cucc', ['130', '131', '132', '145', '146', '155', '156', '166', '167', '171', '175', '176', '185', '186', '196']);
add('ctcc', ['133', '149', '153', '173', '174', '177', '180', '181', '189', '190', '191', '193', '199']);
add('cbn', ['192']);
add('mvno', ['162', '165', '170']);

export type MobileOperator = 'cmcc' | 'cucc' | 'ctcc' | 'cbn' | 'mvno';

export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s-]/g, '');
  return compact.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

export function mobileOperator(phone: string): MobileOperator | null {
  const n = normalizePhone(phone);
  if (!/^1\d{10}$/.test(n)) return null;
  return MOBILE_PREFIXES[n.slice(0, 3)] ?? null;
}

export function isMobilePhone(phone: string): boolean {
  return mobileOperator(phone) !== null;
}

export const MOBILE_PREFIX_LIST: readonly string[] = Object.keys(MOBILE_PREFIXES).sort();
