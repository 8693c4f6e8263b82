import type { FormRule } from 'antd';
import { isAccountNumber, luhnValid, normalizeAccount } from '../../../../../src/lib/bank-account.ts';
import type { Translate } from '../../../i18n/lang.ts';
import { serverNow } from '../../../lib/server-time.ts';
import { parseAmount, parseChinaTime } from './paste.ts';

// Quick checks before the round trip, the same ones the server makes; its field errors still land on the
// same cells (field-errors.ts) and it stays the authority.

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export const accountRules = (t: Translate): FormRule[] => [
  { required: true, whitespace: true, message: t('common.required') },
  {
    validator: async (_r, v: unknown) => {
      const s = normalizeAccount(text(v));
      if (s && !isAccountNumber(s)) throw new Error(t('money.err.account'));
    },
  },
  {
    // A card-length number failing its check digit is likely a typo, but corporate accounts carry none: a warning.
    warningOnly: true,
    validator: async (_r, v: unknown) => {
      const s = normalizeAccount(text(v));
      if (isAccountNumber(s) && s.length >= 16 && s.length <= 19 && !luhnValid(s)) throw new Error(t('money.err.luhn'));
    },
  },
];

export const amountRules = (t: Translate, opts: { required?: boolean; positive?: boolean } = {}): FormRule[] => [
  ...(opts.required === false ? [] : [{ required: true, whitespace: true, message: t('common.required') }]),
  {
    validator: async (_r, v: unknown) => {
      const s = text(v);
      if (!s) return;
      const amount = parseAmount(s);
      if (amount === null) throw new Error(t('money.err.amount'));
      if (opts.positive !== false && Number(amount) <= 0) throw new Error(t('money.err.positive'));
    },
  },
];

/** Reports may run a few minutes ahead of the server's clock (FUTURE_TOLERANCE_MS in cases.service.ts). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const timeRules = (t: Translate): FormRule[] => [
  { required: true, whitespace: true, message: t('common.required') },
  {
    validator: async (_r, v: unknown) => {
      const s = text(v);
      if (!s) return;
      const ms = parseChinaTime(s);
      if (ms === null) throw new Error(t('money.err.timeFormat'));
      if (ms > serverNow() + FUTURE_TOLERANCE_MS) throw new Error(t('money.err.future'));
    },
  },
];

export const requiredText = (t: Translate, max: number): FormRule[] => [
  { required: true, whitespace: true, message: t('common.required') },
  { max, message: t('money.err.tooLong', { n: max }) },
];
