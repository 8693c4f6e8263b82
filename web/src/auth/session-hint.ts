// The session cookie is httpOnly, so the page cannot see whether it holds one. Asking the server
// (GET /api/v1/me) without a session answers 401, which the browser logs as a console error on every
// visit to the login page; this flag, set at login and cleared at logout or on a 401, avoids that call.
const KEY = 'fanzha.session';

export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return true;
  }
}

export function setSessionHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Without storage the app asks the server each time (hasSessionHint answers true).
  }
}
