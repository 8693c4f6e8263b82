import type { MessageInstance } from 'antd/es/message/interface.js';
import { ERROR_CODES } from '../../../src/server/errors.ts';
import { ApiError } from '../api/problem.ts';
import { currentLang, translate } from '../i18n/lang.ts';

// antd's static message API cannot see the ConfigProvider (theme, locale) and warns about it, so the
// instance from App.useApp() is handed over here by <NotifyBridge> for code outside components.
let messageApi: MessageInstance | null = null;

export function setMessageApi(api: MessageInstance | null): void {
  messageApi = api;
}

export function errorText(err: unknown): string {
  const lang = currentLang();
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return translate(lang, 'error.network');
    if (err.code === 'BAD_RESPONSE') return translate(lang, 'error.badResponse');
    // A detail that only repeats the code's English title adds nothing to the (translated) title.
    const generic = Object.hasOwn(ERROR_CODES, err.code) && ERROR_CODES[err.code as keyof typeof ERROR_CODES].en === err.detail;
    const main = err.detail && !generic && err.detail !== err.title ? `${err.title}：${err.detail}` : err.title;
    const text = lang === 'en' ? main.replace('：', ': ') : main;
    return err.status >= 500 && err.requestId ? `${text}（${translate(lang, 'error.withRequestId', { id: err.requestId })}）` : text;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Shows an error as an antd message; a lost session is handled by the redirect to /login instead. */
export function showError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return;
  void messageApi?.error(errorText(err), 6);
}

export function showSuccess(text: string): void {
  void messageApi?.success(text);
}
