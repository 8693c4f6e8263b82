import type { FormInstance } from 'antd';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { ApiError } from '../../../api/problem.ts';
import type { MessageKey } from '../../../i18n/zh.ts';
import type { Translate } from '../../../i18n/lang.ts';

/** The server's field messages (English sentences) that people meet on these forms, said again in the user's language. */
const KNOWN: readonly [RegExp, MessageKey][] = [
  [/not a valid resident ID number/, 'persons.err.idNumber'],
  [/not a mainland mobile number/, 'persons.err.phone'],
  [/already has a file in this category/, 'persons.err.duplicate'],
  [/county, station or township keeps the file/, 'persons.err.orgKind'],
  [/outside your jurisdiction/, 'persons.err.outside'],
  [/lies in the future/, 'persons.err.future'],
  [/not an active police officer/, 'persons.err.officer'],
  [/looks masked/, 'persons.err.masked'],
  [/^nothing to change/, 'persons.err.nothing'],
  [/^Required$|expected string, received undefined|Invalid input: expected/i, 'common.required'],
];

export function serverMessage(t: Translate, message: string): string {
  const hit = KNOWN.find(([re]) => re.test(message));
  return hit ? t(hit[1]) : message;
}

/**
 * Puts a 400's field errors on the form fields they name ("body.familyContacts.0.phone" → the list row's
 * field). Returns the errors that found no field; null when the error carries no field errors at all.
 */
export function placeErrors(form: Pick<FormInstance, 'setFields'>, err: unknown, t: Translate, fields: readonly string[]): FieldError[] | null {
  if (!(err instanceof ApiError) || err.errors.length === 0) return null;
  const rest: FieldError[] = [];
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.errors) {
    const name = e.path
      .replace(/^body\./, '')
      .split('.')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (typeof name[0] !== 'string' || !fields.includes(name[0])) {
      rest.push(e);
      continue;
    }
    const key = name.join('.');
    const entry = placed.get(key) ?? { name, errors: [] };
    entry.errors.push(serverMessage(t, e.message));
    placed.set(key, entry);
  }
  form.setFields([...placed.values()]);
  return rest;
}
