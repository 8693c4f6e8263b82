import type { FormRule } from 'antd';
import { isMobilePhone } from '../../../src/lib/phone.ts';
import type { Translate } from '../i18n/lang.ts';

// Quick checks in the user's language before a round trip. The server validates everything again and
// stays the authority: its field errors land on the same fields (lib/form-errors.ts).

export const required = (t: Translate): FormRule => ({ required: true, whitespace: true, message: t('common.required') });

export const orgCodeRule = (t: Translate): FormRule => ({ pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, message: t('rule.orgCode') });

export const regionCodeRule = (t: Translate, length: number | undefined): FormRule =>
  length ? { pattern: new RegExp(`^\\d{${length}}$`), message: t('rule.regionCode', { n: length }) } : { pattern: /^\d{6}(\d{3}){0,2}$/, message: t('rule.regionCode', { n: '6/9/12' }) };

export const usernameRule = (t: Translate): FormRule => ({ pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, message: t('rule.username') });

export const passwordRule = (t: Translate): FormRule => ({
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(value)).length;
    if (value.length < 8 || classes < 2) throw new Error(t('rule.password'));
  },
});

/** The server's own check (pure code shared from src/lib/phone.ts): allocated mainland prefixes only. */
export const phoneRule = (t: Translate): FormRule => ({
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    if (!isMobilePhone(value)) throw new Error(t('rule.phone'));
  },
});
