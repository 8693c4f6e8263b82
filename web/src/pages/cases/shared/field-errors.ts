import type { FormInstance } from 'antd';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { ApiError } from '../../../api/problem.ts';
import type { MessageKey } from '../../../i18n/zh.ts';
import type { Translate } from '../../../i18n/lang.ts';

/**
 * The server's field messages are English sentences (zod's and the services'). The ones people meet at
 * intake and in a bank's answer are said again in the user's language; any other passes through as is.
 */
const KNOWN: readonly [RegExp, MessageKey][] = [
  [/lies in the future/, 'money.err.future'],
  [/one of the victim's own accounts/, 'money.err.ownAccount'],
  [/account or card number of 8 to 32 digits/, 'money.err.account'],
  [/fails the Luhn check digit/, 'money.err.luhn'],
  [/decimal string in yuan/, 'money.err.amount'],
  [/must be more than 0/, 'money.err.positive'],
  [/not a mainland mobile number/, 'money.err.phone'],
  [/not a valid resident ID number/, 'money.err.idNumber'],
  [/names no county of this city/, 'money.err.noCounty'],
  [/outside your jurisdiction/, 'money.err.outside'],
  [/GB\/T 2260 code/, 'money.err.regionCode'],
  [/ISO 8601 time/, 'money.err.time'],
  [/same as fromAccount/, 'money.err.sameAccount'],
  [/required when the result is "stopped"/, 'money.err.stoppedRequired'],
  [/only when the result is "stopped"/, 'money.err.stoppedOnly'],
  [/not an active officer or analyst/, 'money.err.investigator'],
  [/not an active leader/, 'money.err.leader'],
  [/required when the result is "frozen"/, 'money.err.frozenRequired'],
  [/required for a limited freeze/, 'money.err.limitRequired'],
  [/only for a limited freeze/, 'money.err.limitOnly'],
  [/name the bank: the account has no stop-payment/, 'cases.freeze.bankRequired'],
  [/still frozen and not yet planned/, 'money.err.returnAmount'],
  [/shares among at least two cases/, 'cases.return.casesRequired'],
  [/no victim money of these cases is traced into the account/, 'money.err.noTracedMoney'],
  [/none of the victim money traced into the account is left/, 'money.err.noneLeft'],
  [/no such case in your jurisdiction/, 'money.err.noSuchCase'],
  [/shares no identifier with the other cases/, 'money.err.noSharedIdentifier'],
  [/^Required$|expected string, received undefined|Invalid input: expected/i, 'common.required'],
];

export function serverMessage(t: Translate, message: string): string {
  const hit = KNOWN.find(([re]) => re.test(message));
  return hit ? t(hit[1]) : message;
}

/** "transfers.0.toAccount" (or "body.transfers.0.toAccount") → ['transfers', 0, 'toAccount'], a form field name. */
export function namePath(path: string): (string | number)[] {
  return path
    .replace(/^body\./, '')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts a 400's field errors on the form fields they name, nested list rows included. Returns the errors
 * that found no field (to show above the form); an error without field errors returns null.
 */
export function placeFieldErrors(
  form: Pick<FormInstance, 'setFields'>,
  err: unknown,
  t: Translate,
  /** The form field a server path names, or null when the form has none for it. */
  toField: (path: (string | number)[]) => (string | number)[] | null,
): FieldError[] | null {
  if (!(err instanceof ApiError) || err.errors.length === 0) return null;
  const rest: FieldError[] = [];
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  for (const e of err.errors) {
    const name = toField(namePath(e.path));
    if (name) {
      const same = placed.find((p) => p.name.join('.') === name.join('.'));
      if (same) same.errors.push(serverMessage(t, e.message));
      else placed.push({ name, errors: [serverMessage(t, e.message)] });
    } else rest.push(e);
  }
  form.setFields(placed);
  return rest;
}
