import type { MessageKey } from '../../../i18n/zh.ts';
import { zh } from '../../../i18n/zh.ts';
import type { Translate } from '../../../i18n/lang.ts';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

/** A code from the server in words; a code added later shows as itself rather than breaking the page. */
function label(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export const fraudTypeLabel = (t: Translate, v: string) => label(t, 'cases.fraudType', v);
export const caseStatusLabel = (t: Translate, v: string) => label(t, 'cases.status', v);
export const stopStatusLabel = (t: Translate, v: string) => label(t, 'money.status', v);
export const channelLabel = (t: Translate, v: string) => label(t, 'money.channel', v);
export const identifierLabel = (t: Translate, v: string) => label(t, 'cases.identifier', v);
export const caseEventLabel = (t: Translate, v: string) => label(t, 'cases.event', v);
export const sourceLabel = (t: Translate, v: string) => label(t, 'cases.source', v);
export const traceStatusLabel = (t: Translate, v: string) => label(t, 'money.traceStatus', v);
export const freezeStatusLabel = (t: Translate, v: string) => label(t, 'money.freeze.status', v);
export const returnStatusLabel = (t: Translate, v: string) => label(t, 'money.return.status', v);
export const returnMethodLabel = (t: Translate, v: string) => label(t, 'money.return.method', v);
