import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Role } from '../../src/lib/roles.ts';
import { EXPECTED_MENU } from './expectations.ts';

export interface Ctx {
  baseUrl: string;
  password: string;
  shotDirs: string[];
  noteProblem: (text: string) => void;
  /** how long a step may wait by default (10 s; longer for the development bundle, which renders several times slower) */
  stepTimeoutMs?: number;
}

/** The default step timeout in the development bundle's pass */
export const DEV_STEP_TIMEOUT_MS = 25_000;

/** Chromium's switches for the checks (smoke.ts and standalone runs). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

const watched = new Set<Page>();

/**
 * What each open page shows when a check fails: its address, the open dialogs and messages, and how long the
 * page took to paint a frame (a busy or hung page answers late or not at all), so a failure on CI says more
 * than which locator timed out.
 */
export async function describePages(): Promise<string> {
  const lines: string[] = [];
  for (const page of watched) {
    if (page.isClosed()) continue;
    const started = Date.now();
    const state = await Promise.race([
      page
        .evaluate(
          () =>
            new Promise<{ dialogs: string[]; drawers: string[]; messages: string[]; errors: string[]; choices: string[] }>((resolve) =>
              requestAnimationFrame(() =>
                resolve({
                  dialogs: [...document.querySelectorAll('.ant-modal-wrap')].filter((w) => (w as HTMLElement).style.display !== 'none').map((w) => w.querySelector('.ant-modal-title')?.textContent ?? '(untitled)'),
                  drawers: [...document.querySelectorAll('.ant-drawer-open')].map((d) => d.querySelector('.ant-drawer-title')?.textContent ?? '(untitled)'),
                  messages: [...document.querySelectorAll('.ant-message-notice, .ant-notification-notice, .ant-popover:not(.ant-popover-hidden)')].map((m) => (m.textContent ?? '').slice(0, 120)),
                  errors: [...document.querySelectorAll('.ant-form-item-explain-error')].map((m) => m.textContent ?? ''),
                  // the choices of the radio groups in open dialogs: [checked] and (disabled) marked
                  choices: [...document.querySelectorAll('.ant-modal-wrap .ant-radio-group')]
                    .filter((g) => (g.closest('.ant-modal-wrap') as HTMLElement | null)?.style.display !== 'none')
                    .map((g) => [...g.querySelectorAll('label')].map((l) => `${l.textContent ?? ''}${l.className.includes('-checked') ? '[checked]' : ''}${l.className.includes('-disabled') ? '(disabled)' : ''}`).join(' | ')),
                }),
              ),
            ),
        )
        .catch((err: unknown) => String(err).split('\n')[0] ?? ''),
      new Promise<string>((resolve) => setTimeout(() => resolve('no frame within 5 s'), 5_000)),
    ]);
    const frame = Date.now() - started;
    lines.push(`page ${page.url()} (a frame took ${frame} ms): ${typeof state === 'string' ? state : `dialogs ${JSON.stringify(state.dialogs)}, drawers ${JSON.stringify(state.drawers)}, messages ${JSON.stringify(state.messages)}, field errors ${JSON.stringify(state.errors)}, choices ${JSON.stringify(state.choices)}`}`);
  }
  return lines.join('\n');
}

/**
 * Closes a dropdown or date picker that stays open, with Escape. Escape with none open closes the dialog or drawer
 * around the field, and a picker confirmed with Enter closes itself a moment later (once between a check and the
 * key, which closed the meeting form). So a popup gets a second to close by itself, and only one still open then
 * gets the Escape.
 */
export async function closePopup(page: Page): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible, .ant-picker-dropdown:visible');
  if ((await open.count()) === 0) return;
  const closed = await open
    .first()
    .waitFor({ state: 'hidden', timeout: 1_000 })
    .then(() => true)
    .catch(() => false);
  if (closed && (await open.count()) === 0) return;
  await page.keyboard.press('Escape');
  await open.first().waitFor({ state: 'hidden' });
}

/**
 * Clicks `target` until `taken` shows, at most `tries` times. Under load a click on a control that had just
 * appeared in an opening overlay was now and then lost (the overlay stayed open, the choice not taken: a verdict
 * radio, an item of the bell's list while the header was still settling); a second click is what a user does. A
 * retry is printed, so a click that needed it shows in the log; once the target is gone the first click is taken
 * to have worked; a product that never answers still fails.
 */
export async function clickUntil(target: Locator, taken: Locator, tries = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target.click();
    try {
      await taken.waitFor({ state: 'visible', timeout: attempt < tries ? 3_000 : undefined });
      return;
    } catch (err) {
      if (attempt >= tries) throw err;
      if (!(await target.isVisible())) {
        await taken.waitFor({ state: 'visible' });
        return;
      }
      console.log(`    (the click on ${String(target)} did not take within 3 s; clicking again)`);
    }
  }
}

/** A fresh page whose console errors, warnings, uncaught errors and failed API calls are reported. */
export async function newWatchedPage(context: BrowserContext, ctx: Ctx): Promise<Page> {
  const page = await context.newPage();
  // Reduced motion, as a user can ask their system for it: the product then opens dialogs, drawers and popovers
  // without animating. Under load a click on a control of an opening dialog could land while antd's enter
  // animation was moving it, and was lost (the dialog stayed open, the choice not taken); people click long
  // after the animation. The screenshots are of the settled page either way.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // E2E_CPU_THROTTLE=4: Chromium runs the page's main thread that many times slower, to reproduce a busy CI host.
  const throttle = Number(process.env.E2E_CPU_THROTTLE ?? 1);
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  // Every step here takes well under a second in the shipped bundle; a stuck one should fail fast, not at the
  // 30 s default. React's development build on a busy 2-core machine gets more.
  page.setDefaultTimeout(ctx.stepTimeoutMs ?? 10_000);
  watched.add(page);
  page.on('close', () => watched.delete(page));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') ctx.noteProblem(`console ${msg.type()}: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => ctx.noteProblem(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.url().includes('/api/') && res.status() >= 400) ctx.noteProblem(`HTTP ${res.status()} from ${res.request().method()} ${res.url()}`);
  });
  return page;
}

export async function screenshot(page: Page, ctx: Ctx, name: string): Promise<void> {
  // Let antd's enter animations finish so the picture shows the settled page.
  await page.waitForTimeout(350);
  const buffer = await page.screenshot({ fullPage: true });
  for (const dir of ctx.shotDirs) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), buffer);
  }
}

export async function login(page: Page, ctx: Ctx, role: Role): Promise<void> {
  await page.goto(`${ctx.baseUrl}/login`);
  await page.getByTestId('login-username').fill(`demo-${role}`);
  await page.getByTestId('login-password').fill(ctx.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(`home-${role}`).waitFor({ state: 'visible', timeout: 15_000 });
  // The home summary has arrived when the first statistic card shows.
  await page.locator('[data-testid^="stat-"]').first().waitFor({ state: 'visible', timeout: 15_000 });
}

export async function menuModules(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid="nav-menu"] [data-nav-top]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^nav-/, ''));
}

export function assertMenu(role: Role, seen: string[]): void {
  const expected = EXPECTED_MENU[role];
  if (seen.join(',') !== expected.join(',')) throw new Error(`menu of ${role}: expected [${expected.join(', ')}], saw [${seen.join(', ')}]`);
}

export async function logout(page: Page, narrow: boolean): Promise<void> {
  if (narrow) {
    await page.getByTestId('account-menu').click();
    await page.getByTestId('logout').click();
  } else {
    await page.getByTestId('logout').click();
  }
  await page.waitForURL('**/login', { timeout: 10_000 });
  await page.getByTestId('login-card').waitFor({ state: 'visible' });
}

/** Opens an admin page from the menu; the 系统管理 group is opened only when it is closed (a click would close it). */
export async function openAdminPage(page: Page, which: 'orgs' | 'users' | 'tokens' | 'audit' | 'risk'): Promise<void> {
  const item = page.getByTestId(`nav-admin-${which}`);
  if (!(await item.isVisible())) await page.getByTestId('nav-admin').click();
  await item.click();
  await page.getByTestId(`page-${which}`).waitFor({ state: 'visible' });
}
