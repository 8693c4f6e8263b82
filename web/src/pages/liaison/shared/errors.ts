import type { FormInstance } from 'antd';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { ApiError } from '../../../api/problem.ts';
import { errorText, showError } from '../../../lib/notify.ts';
import type { LiaisonKey } from '../i18n/liaison-zh.ts';
import type { LiaisonT } from '../i18n/use-liaison-t.ts';

/** The server's field messages (English sentences) that people meet on these forms, said again in the user's language. */
const KNOWN: readonly [RegExp, LiaisonKey][] = [
  [/must lie in the future/, 'liaison.err.mustFuture'],
  [/lies in the future/, 'liaison.err.future'],
  [/names no member unit, bank, operator, county or city/, 'liaison.err.unit'],
  [/outside your jurisdiction/, 'liaison.err.outside'],
  [/Too small: expected string/, 'liaison.err.tooShort'],
  [/Too big: expected string/, 'liaison.err.tooLong'],
  [/Too small: expected array/, 'liaison.err.noItems'],
  [/Too big: expected array/, 'liaison.err.tooMany'],
];

export function serverMessage(lt: LiaisonT, message: string): string {
  const hit = KNOWN.find(([re]) => re.test(message));
  return hit ? lt(hit[1]) : message;
}

/**
 * Puts a 400's field errors on the form fields they name ("decisions.1.dueAt" → the second decision's
 * deadline, "attendeeCodes.2" → the attendees picker). Returns the errors that found no field; null when
 * the error carries no field errors at all.
 */
export function placeErrors(form: Pick<FormInstance, 'setFields'>, err: unknown, lt: LiaisonT, fields: readonly string[], lists: readonly string[] = []): FieldError[] | null {
  if (!(err instanceof ApiError) || err.errors.length === 0) return null;
  const rest: FieldError[] = [];
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.errors) {
    const parts = e.path
      .replace(/^(body|query)\./, '')
      .split('.')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const head = parts[0];
    if (typeof head !== 'string' || !fields.includes(head)) {
      rest.push(e);
      continue;
    }
    // A picker of many values (attendees) takes its items' errors itself; a list of rows puts them on the row's field.
    const target = lists.includes(head) ? [head] : parts;
    const key = target.join('.');
    const entry = placed.get(key) ?? { name: target, errors: [] };
    entry.errors.push(serverMessage(lt, e.message));
    placed.set(key, entry);
  }
  form.setFields([...placed.values()]);
  return rest;
}

/** An API error in the module's words: the refusals a user can act on explained, anything else as usual. */
export function liaisonErrorText(lt: LiaisonT, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 409 && /already answered/.test(err.detail)) return lt('liaison.err.alreadyAnswered');
    if (err.status === 409 && /already signed/.test(err.detail)) return lt('liaison.err.alreadySigned');
    if (err.status === 409 && /signed letter is not changed/.test(err.detail)) return lt('liaison.err.signedUnchanged');
    if (err.status === 404 && /task/.test(err.detail)) return lt('liaison.err.noTask');
    if (err.status === 404 && /meeting/.test(err.detail)) return lt('liaison.err.noMeeting');
    if (err.status === 404 && /letter/.test(err.detail)) return lt('liaison.err.noLetter');
    if (err.errors.length > 0) return err.errors.map((e) => `${e.path.replace(/^(body|query)\./, '')}: ${serverMessage(lt, e.message)}`).join('; ');
  }
  return errorText(err);
}

/** Shows an error as a message in the module's words; a lost session is left to the redirect to /login. */
export function showLiaisonError(lt: LiaisonT, err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return;
  showError(new Error(liaisonErrorText(lt, err)));
}
