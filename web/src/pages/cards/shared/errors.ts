import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/problem.ts';
import type { Translate } from '../../../i18n/lang.ts';
import type { MessageKey } from '../../../i18n/zh.ts';
import { errorText, showError } from '../../../lib/notify.ts';

/**
 * The server's field messages and 409 details are English sentences (zod's and the cards services'). The
 * ones people meet here are said again in the user's language; any other passes through as it is.
 */
const FIELD_MESSAGES: readonly [RegExp, MessageKey][] = [
  [/not a valid resident ID number/, 'cards.err.idNumber'],
  [/an account, card or phone number/, 'cards.err.identifier'],
  [/required for a ministry lead/, 'cards.err.externalId'],
  [/^no such unit$/, 'cards.err.noUnit'],
  [/names no county of this city/, 'cards.err.noCounty'],
  [/name the unit to verify it/, 'cards.err.unitMissing'],
  [/verified by a county, station or township/, 'cards.err.unitKind'],
  [/outside your jurisdiction/, 'cards.err.outside'],
  [/GB\/T 2260 code/, 'cards.err.regionCode'],
  [/not a mainland mobile number/, 'cards.err.phone'],
  [/meets none of the thresholds/, 'cards.err.thresholds'],
  [/reason for striking the lead off/, 'cards.err.struckOffNote'],
  [/must lie in the future/, 'cards.err.future'],
  [/Invalid option/, 'cards.err.option'],
  [/Unrecognized key/, 'cards.err.unknownKey'],
  [/Too small: expected string/, 'cards.err.tooShort'],
  [/Too big: expected string/, 'cards.err.tooLong'],
  [/^Required$|expected string, received undefined|expected object, received/i, 'common.required'],
  [/names no unit of your institution/, 'cards.err.notYourUnit'],
  [/a phone card is an 11-digit mobile number/, 'cards.err.phoneCard'],
  [/a bank account has 8.32 digits/, 'cards.err.bankAccount'],
  [/^an? \w+ restricts /, 'cards.err.kindNotYours'],
  [/^lies in the future$/, 'cards.err.inFuture'],
  [/notices go to banks, operators/, 'cards.err.addressee'],
  [/names no bank branch or operator outlet/, 'cards.err.noOpener'],
];

export function serverMessage(t: Translate, message: string): string {
  // The ranking's threshold, refused with the figures of the period: said again with them.
  const below = /has (\d+) case-involved cards from (\S+) to (\S+); a .+ needs (\d+)/.exec(message);
  if (below) return t('cards.err.belowThreshold', { leads: below[1] ?? '', from: below[2] ?? '', to: below[3] ?? '', need: below[4] ?? '' });
  const hit = FIELD_MESSAGES.find(([re]) => re.test(message));
  return hit ? t(hit[1]) : message;
}

/** 404s and 409s of the cards services whose detail the user can act on. */
const DETAILS: readonly [RegExp, MessageKey][] = [
  [/measure in force not found/, 'cards.err.noMeasure'],
  [/an appeal against this measure is already open/, 'cards.err.appealOpen'],
  [/an appeal is made against a measure in force/, 'cards.err.notInForce'],
  [/a notice is delivered for a measure in force/, 'cards.err.notInForce'],
  [/only a proposal can be decided/, 'cards.err.decided'],
  [/a lead that is \w+ cannot be changed/, 'cards.err.leadMoved'],
  [/an appeal (that is|is answered)/, 'cards.err.appealMoved'],
  [/an appeal against this restriction is already open/, 'cards.err.restrictionAppealOpen'],
  [/an appeal is made against a restriction in force/, 'cards.err.restrictionLifted'],
  [/only a restriction in force can be lifted/, 'cards.err.restrictionLifted'],
  [/^restriction not found$/, 'cards.restriction.notFound'],
  [/the notice was already answered/, 'cards.err.noticeAnswered'],
  [/^notice not found$/, 'cards.err.noticeGone'],
];

/** An API error in words: the five-year cap and the known states explained, anything else as usual. */
export function cardsErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    const years = /would make ([\d.]+) years of measures in a row/.exec(err.detail);
    if (years) return t('cards.err.fiveYears', { years: years[1] ?? '' });
    const hit = DETAILS.find(([re]) => re.test(err.detail));
    if (hit) return t(hit[1]);
    if (err.errors.length > 0) return err.errors.map((e) => `${e.path.replace(/^body\./, '')}: ${serverMessage(t, e.message)}`).join('; ');
  }
  return errorText(err);
}

/**
 * Puts a 400's field errors on the form fields of the same name (paths like "body.personIdNumber" or
 * "findings"). Returns true when every error found a field.
 */
export function placeFieldErrors(form: Pick<FormInstance, 'setFields'>, err: unknown, t: Translate, fields: readonly string[]): boolean {
  if (!(err instanceof ApiError) || err.errors.length === 0) return false;
  const placed = err.errors.map((e) => ({ name: e.path.replace(/^body\./, '').split('.')[0] ?? '', message: serverMessage(t, e.message) })).filter((e) => fields.includes(e.name));
  if (placed.length === 0) return false;
  // A field may fail more than one check (too short and not digits): all its messages show under it.
  const byField = new Map<string, string[]>();
  for (const e of placed) byField.set(e.name, [...(byField.get(e.name) ?? []), e.message]);
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return placed.length === err.errors.length;
}

/** Shows an error as a message in the cards module's words; a lost session is left to the redirect to /login. */
export function showCardsError(t: Translate, err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return;
  showError(new Error(cardsErrorText(t, err)));
}
