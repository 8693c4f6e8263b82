import type { Page } from 'playwright-core';
import { luhnValid } from '../../src/lib/bank-account.ts';

/** A 19-digit card number of the given prefix with a valid check digit, unique per call in a run. */
let serial = 0;
export function cardNumber(prefix: string): string {
  const body = `${prefix}${String(Date.now() % 1e9).padStart(9, '0')}${String(serial++ % 1000).padStart(3, '0')}`.slice(0, 18);
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('no check digit');
}

/** "2026-11-28 09:30" in China time, the way people type and paste times. */
export function chinaTime(d: Date): string {
  const c = new Date(d.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

/** A mobile number no demo case uses. */
export function testMobile(): string {
  return `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
}

export async function openModule(page: Page, module: 'cases' | 'funds', live: 'true' | 'poll'): Promise<void> {
  await page.getByTestId(`nav-${module}`).click();
  await page.getByTestId(`module-${module}`).waitFor({ state: 'visible' });
  // Only once the stream is open (or the queue polls) can a change show up by itself.
  await page.locator(`[data-testid="module-${module}"] [data-testid="live-status"][data-connected="${live}"]`).waitFor({ state: 'visible', timeout: 15_000 });
}

/** Picks an option of an antd Select by typing, the keyboard way: focus, type, Enter. */
export async function pickByTyping(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  // The option matching what was typed: a dropdown still closing from the previous pick shows its own choice.
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: text }).last().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

export async function stopRows(page: Page, status: string, hop?: number): Promise<number> {
  const hopSel = hop === undefined ? '' : `[data-hop="${hop}"]`;
  return page.locator(`[data-testid="case-stops"] tr[data-testid^="stop-row-"][data-status="${status}"]${hopSel}`).count();
}

export async function waitStopRows(page: Page, status: string, n: number, hop?: number, timeout = 15_000): Promise<void> {
  const hopSel = hop === undefined ? '' : `[data-hop="${hop}"]`;
  const rows = page.locator(`[data-testid="case-stops"] tr[data-testid^="stop-row-"][data-status="${status}"]${hopSel}`);
  const deadline = Date.now() + timeout;
  for (;;) {
    const count = await rows.count();
    if (count === n) return;
    if (Date.now() > deadline) throw new Error(`expected ${n} stop-payments ${status}${hop ? ` at hop ${hop}` : ''}, saw ${count}`);
    await page.waitForTimeout(200);
  }
}
