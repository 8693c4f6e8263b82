import type { OrgKind } from '../../../../../src/lib/roles.ts';
import { hasLetterTemplate, LETTER_TEMPLATES } from '../../../../../src/modules/liaison/letter-templates.ts';
import type { LetterItem } from '../../../api/liaison.ts';

/**
 * The commitments a new letter starts with, by the kind of unit (a member unit's for any other kind), as
 * fresh objects the form may change. The texts live in src/modules/liaison/letter-templates.ts, shared with
 * the demo city's letters.
 */
export function letterTemplate(kind: OrgKind | null): LetterItem[] {
  const items = kind && hasLetterTemplate(kind) ? LETTER_TEMPLATES[kind] : LETTER_TEMPLATES.member_unit;
  return items.map((i) => ({ item: i.item, measure: i.measure }));
}
