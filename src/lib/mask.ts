/** Masking of personal fields in responses (law art. 5, 29): reveal is a separate, audited action. */
export function maskPhone(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  if (v.length < 7) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

export function maskIdNumber(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  if (v.length < 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

export function maskName(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  const chars = Array.from(v);
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskAccount(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  if (v.length <= 4) return '*'.repeat(v.length);
  return `${'*'.repeat(Math.min(v.length - 4, 12))}${v.slice(-4)}`;
}

export type PersonalFieldKind = 'phone' | 'idNumber' | 'name' | 'account';
const MASKERS: Record<PersonalFieldKind, (v: string | null | undefined) => string | null> = {
  phone: maskPhone,
  idNumber: maskIdNumber,
  name: maskName,
  account: maskAccount,
};

/** Returns a copy of obj with the listed personal fields masked, unless reveal is true. */
export function maskFields<T extends object>(obj: T, fields: Partial<Record<keyof T, PersonalFieldKind>>, reveal: boolean): T {
  if (reveal) return obj;
  const out = { ...obj } as Record<string, unknown>;
  for (const [key, kind] of Object.entries(fields) as [string, PersonalFieldKind][]) {
    const value = out[key];
    if (typeof value === 'string') out[key] = MASKERS[kind](value);
  }
  return out as T;
}
