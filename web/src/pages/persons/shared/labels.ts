import type { EventKind, PersonCategory, PersonStatus } from '../../../api/persons.ts';
import type { MessageKey } from '../../../i18n/zh.ts';
import type { Translate } from '../../../i18n/lang.ts';

// The server's enums (CATEGORIES and STATUSES in src/modules/persons/persons.ts), in display order.
export const CATEGORIES: readonly PersonCategory[] = ['stranded_abroad', 'returnee', 'illegal_crossing', 'fraud_record', 'two_card'];
export const STATUSES: readonly PersonStatus[] = ['stranded', 'contacted', 'returning', 'returned', 'surrendered', 'under_control', 'released'];
export const EVENT_KINDS: readonly EventKind[] = ['contact', 'movement', 'family', 'note'];

export const categoryLabel = (t: Translate, c: string): string => (CATEGORIES.includes(c as PersonCategory) ? t(`persons.category.${c}` as MessageKey) : c);
export const statusLabel = (t: Translate, s: string): string => (STATUSES.includes(s as PersonStatus) ? t(`persons.status.${s}` as MessageKey) : s);

const EVENT_LABELS: readonly string[] = [...EVENT_KINDS, 'listed', 'status', 'updated', 'control_ended'];
export const eventLabel = (t: Translate, k: string): string => (EVENT_LABELS.includes(k) ? t(`persons.event.kind.${k}` as MessageKey) : k);

/** The fields an edit names (EDITABLE in src/modules/persons/persons.ts). */
const FIELD_LABELS: Record<string, MessageKey> = {
  phone: 'persons.field.phone',
  measures: 'persons.field.measures',
  abroadLocation: 'persons.field.abroadLocation',
  returnPlan: 'persons.field.returnPlan',
  familyContacts: 'persons.field.familyContacts',
  officerId: 'persons.field.officer',
  orgCode: 'persons.field.unit',
};
export const fieldLabel = (t: Translate, f: string): string => (Object.hasOwn(FIELD_LABELS, f) ? t(FIELD_LABELS[f] as MessageKey) : f);
