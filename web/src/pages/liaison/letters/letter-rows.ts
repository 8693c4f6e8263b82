import type { OrgKind } from '../../../../../src/lib/roles.ts';
import type { LetterDto } from '../../../api/liaison.ts';
import type { OrgDto } from '../../../api/orgs.ts';
import type { LetterState } from '../shared/tags.tsx';

/** A unit's line on the letters page: its letter of the year, if sent, and where that stands. */
export interface LetterRow {
  code: string;
  name: string;
  /** Unknown for a letter of a unit the caller's organisation list does not hold. */
  kind: OrgKind | null;
  letter: LetterDto | null;
  state: LetterState;
}

export function letterState(letter: LetterDto | null): LetterState {
  return letter === null ? 'none' : letter.signedOn ? 'signed' : 'issued';
}

/**
 * One row per unit that may get a letter (for the center: each member unit, bank, operator and county,
 * sent or not), plus any letter of a unit not among them; a partner sees only the letters it has.
 */
export function letterRows(units: readonly OrgDto[], letters: readonly LetterDto[], withUnsent: boolean): LetterRow[] {
  const byCode = new Map(letters.map((l) => [l.orgCode, l]));
  const rows: LetterRow[] = withUnsent ? units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, letter: byCode.get(u.code) ?? null, state: letterState(byCode.get(u.code) ?? null) })) : [];
  const listed = new Set(rows.map((r) => r.code));
  for (const l of letters) {
    if (listed.has(l.orgCode)) continue;
    rows.push({ code: l.orgCode, name: l.orgName, kind: units.find((u) => u.code === l.orgCode)?.kind ?? null, letter: l, state: letterState(l) });
  }
  return rows;
}
