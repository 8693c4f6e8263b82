import type { FormInstance } from 'antd';
import type { FieldError } from '../../../../../src/server/errors.ts';
import { ApiError } from '../../../api/problem.ts';
import { errorText, showError } from '../../../lib/notify.ts';
import type { OutreachKey } from '../i18n/outreach-zh.ts';
import type { OutreachT } from '../i18n/use-outreach-t.ts';

/** The server's field messages (English sentences) that people meet on these forms, said again in the user's language. */
const KNOWN: readonly [RegExp, OutreachKey][] = [
  [/lies in the future/, 'outreach.err.future'],
  [/no directive addressed to this unit/, 'outreach.err.directive'],
  [/held by a police unit or a member unit/, 'outreach.err.holder'],
  [/a directive goes to units below/, 'outreach.err.below'],
  [/outside your jurisdiction/, 'outreach.err.outside'],
  [/unknown organisation/, 'outreach.err.unknownUnit'],
  [/names no city, county, station or township/, 'outreach.err.figureUnit'],
  [/not a mainland mobile number/, 'outreach.err.phone'],
  [/Too small: expected string/, 'outreach.err.tooShort'],
  [/Too big: expected string/, 'outreach.err.tooLong'],
  [/Too big: expected array/, 'outreach.err.tooMany'],
  [/Invalid option/, 'outreach.err.option'],
];

export function serverMessage(ot: OutreachT, message: string): string {
  const missing = /not on the vulnerable register: (\d+) of (\d+)/.exec(message);
  if (missing) return ot('outreach.err.notVulnerable', { n: missing[1] ?? '', of: missing[2] ?? '' });
  const hit = KNOWN.find(([re]) => re.test(message));
  return hit ? ot(hit[1]) : message;
}

/**
 * Puts a 400's field errors on the form fields they name ("body.materials.0.kind" → the list row's field;
 * `rename` maps a server field to the form's, e.g. reachedPhones → the pasted text). Returns the errors
 * that found no field; null when the error carries no field errors at all.
 */
export function placeErrors(form: Pick<FormInstance, 'setFields'>, err: unknown, ot: OutreachT, fields: readonly string[], rename: Record<string, string> = {}): FieldError[] | null {
  if (!(err instanceof ApiError) || err.errors.length === 0) return null;
  const rest: FieldError[] = [];
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.errors) {
    const name = e.path
      .replace(/^(body|query)\./, '')
      .split('.')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const head = typeof name[0] === 'string' ? (rename[name[0]] ?? name[0]) : undefined;
    if (head === undefined || !fields.includes(head)) {
      rest.push(e);
      continue;
    }
    // A list's own error (too many rows) goes on the list; a row's on the row's field.
    const target = [head, ...name.slice(1)];
    const key = target.join('.');
    const entry = placed.get(key) ?? { name: target, errors: [] };
    entry.errors.push(serverMessage(ot, e.message));
    placed.set(key, entry);
  }
  form.setFields([...placed.values()]);
  return rest;
}

/** An API error in the module's words: the refusals a user can act on explained, anything else as usual. */
export function outreachErrorText(ot: OutreachT, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 409 && /already reported back/.test(err.detail)) return ot('outreach.err.alreadyAnswered');
    if (err.status === 403 && /does not address your unit/.test(err.detail)) return ot('outreach.err.notAddressed');
    if (err.status === 404 && /directive/.test(err.detail)) return ot('outreach.err.noDirective');
    if (err.errors.length > 0) return err.errors.map((e) => `${e.path.replace(/^(body|query)\./, '')}: ${serverMessage(ot, e.message)}`).join('; ');
  }
  return errorText(err);
}

/** Shows an error as a message in the module's words; a lost session is left to the redirect to /login. */
export function showOutreachError(ot: OutreachT, err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return;
  showError(new Error(outreachErrorText(ot, err)));
}
