import type { MessageKey } from '../../../i18n/zh.ts';
import { zh } from '../../../i18n/zh.ts';
import type { Translate } from '../../../i18n/lang.ts';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

/** Event kinds come from the server as codes; a kind added later shows as its code rather than breaking. */
export function eventLabel(t: Translate, kind: string): string {
  const key = `warnings.event.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

export function viaLabel(t: Translate, via: string): string {
  const key = `warnings.via.${via}`;
  return isMessageKey(key) ? t(key) : via;
}

export function outcomeLabel(t: Translate, outcome: string): string {
  const key = `warnings.outcome.${outcome}`;
  return isMessageKey(key) ? t(key) : outcome;
}

export function channelLabel(t: Translate, channel: string): string {
  const key = `warnings.channel.${channel}`;
  return isMessageKey(key) ? t(key) : channel;
}

export function resultLabel(t: Translate, result: string): string {
  const key = `warnings.result.${result}`;
  return isMessageKey(key) ? t(key) : result;
}

export function statusLabel(t: Translate, status: string): string {
  const key = `warnings.status.${status}`;
  return isMessageKey(key) ? t(key) : status;
}
