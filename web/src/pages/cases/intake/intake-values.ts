import type { Dayjs } from 'dayjs';
import { normalizeAccount } from '../../../../../src/lib/bank-account.ts';
import type { CaseBody, FraudType, IdentifierKind } from '../../../api/cases.ts';
import { chinaTimeToIso, parseAmount } from '../shared/paste.ts';

export interface TransferRow {
  fromAccount?: string;
  fromBank?: string;
  toAccount?: string;
  toBank?: string;
  toName?: string;
  amount?: string;
  /** As typed: "2026-11-28 09:30", China time. */
  at?: string;
}

export interface IdentifierRow {
  kind?: IdentifierKind;
  value?: string;
}

export interface IntakeValues {
  source: string;
  reportedAt: Dayjs;
  regionCode: string;
  fraudType?: FraudType | undefined;
  victim: { name: string; phone: string; idNumber?: string; age?: number | null; occupation?: string };
  narrative: string;
  lossAmount: string;
  transfers: TransferRow[];
  identifiers: IdentifierRow[];
}

export const SOURCES = ['96110', '110', 'walk_in', 'online', 'other'] as const;

export const TRANSFER_FIELDS = ['fromAccount', 'fromBank', 'toAccount', 'toBank', 'toName', 'amount', 'at'] as const;

const trimmed = (v: string | undefined) => v?.trim() || undefined;

/**
 * A row with nothing about the receiving side: left out of the report rather than refused. The victim's
 * account and bank alone do not count, since a new row carries them over from the one above.
 */
export function isBlankTransfer(r: TransferRow | undefined): boolean {
  return !r || (['toAccount', 'toBank', 'toName', 'amount', 'at'] as const).every((f) => !r[f]?.trim());
}

/**
 * The form's values as the API's CaseIn. Blank transfer and identifier rows are dropped, so the indexes
 * the server names in its errors are those of `kept` — the caller maps them back to the form's rows.
 */
export function toBody(v: IntakeValues, externalId: string): { body: CaseBody; transferRows: number[]; identifierRows: number[] } {
  const transferRows: number[] = [];
  const transfers = (v.transfers ?? []).flatMap((r, i) => {
    if (isBlankTransfer(r)) return [];
    transferRows.push(i);
    return [
      {
        fromAccount: normalizeAccount(r.fromAccount ?? ''),
        fromBank: r.fromBank?.trim() ?? '',
        toAccount: normalizeAccount(r.toAccount ?? ''),
        toBank: r.toBank?.trim() ?? '',
        ...(trimmed(r.toName) ? { toName: trimmed(r.toName) } : {}),
        amount: parseAmount(r.amount ?? '') ?? (r.amount ?? ''),
        at: chinaTimeToIso(r.at ?? '') ?? (r.at ?? ''),
      },
    ];
  });
  const identifierRows: number[] = [];
  const identifiers = (v.identifiers ?? []).flatMap((r, i) => {
    if (!r?.kind || !r.value?.trim()) return [];
    identifierRows.push(i);
    return [{ kind: r.kind, value: r.value.trim() }];
  });
  const victim = v.victim;
  const body: CaseBody = {
    externalId,
    source: v.source,
    reportedAt: v.reportedAt.format(),
    regionCode: v.regionCode,
    ...(v.fraudType ? { fraudType: v.fraudType } : {}),
    victim: {
      name: victim.name.trim(),
      phone: victim.phone.trim(),
      ...(trimmed(victim.idNumber) ? { idNumber: trimmed(victim.idNumber) } : {}),
      ...(typeof victim.age === 'number' ? { age: victim.age } : {}),
      ...(trimmed(victim.occupation) ? { occupation: trimmed(victim.occupation) } : {}),
    },
    narrative: v.narrative.trim(),
    lossAmount: parseAmount(v.lossAmount ?? '') ?? v.lossAmount,
    transfers,
    ...(identifiers.length ? { identifiers } : {}),
  };
  return { body, transferRows, identifierRows };
}

/**
 * A server path like "transfers.2.toAccount" names the third *sent* row; the form's row may be another
 * one when blank rows were dropped. Returns the form field's name path.
 */
export function formPath(path: (string | number)[], transferRows: number[], identifierRows: number[]): (string | number)[] {
  const [list, index, ...rest] = path;
  if (typeof index === 'number' && (list === 'transfers' || list === 'identifiers')) {
    const rows = list === 'transfers' ? transferRows : identifierRows;
    return [list, rows[index] ?? index, ...rest];
  }
  return path;
}

/** The fields of the intake form a server error can name. */
export function isIntakeField(path: (string | number)[]): boolean {
  const key = path.filter((p) => typeof p === 'string').join('.');
  return [
    'source',
    'reportedAt',
    'regionCode',
    'fraudType',
    'narrative',
    'lossAmount',
    'victim.name',
    'victim.phone',
    'victim.idNumber',
    'victim.age',
    'victim.occupation',
    ...TRANSFER_FIELDS.map((f) => `transfers.${f}`),
    'identifiers.kind',
    'identifiers.value',
  ].includes(key);
}

/** A fresh idempotency key per filled-in form: a double click or a retried request replays, never duplicates. */
export function newExternalId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
