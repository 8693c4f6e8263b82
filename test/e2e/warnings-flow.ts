/**
 * Browser test of the warnings (预警劝阻) screens against the real server and its demo city:
 *
 *   npx tsx test/e2e/warnings-flow.ts
 *
 * A station officer has the queue open; a warning pushed through the HTTP API (as a center analyst)
 * must appear there without a reload (event stream). The officer opens it, reveals the person (audited),
 * acknowledges, records a call and reports 劝阻成功, and the timeline shows each step; a second warning
 * refused without a visit must turn into 需上门. Meanwhile the analyst's board must count the new
 * dissuasion live. Then statistics with the Excel export, a CSV import with one bad row, the queue on a
 * phone and the admin's deadlines card. Any browser console error or warning fails the check it is in.
 *
 * Standalone it builds a fresh web bundle into a temporary directory (E2E_BUNDLE=dev, the default, keeps
 * React's and antd's runtime warnings; E2E_BUNDLE=prod builds what ships) and starts its own server.
 * smoke.ts runs the same flow (warningsFlow) against its servers. Env: CHROMIUM_PATH, SCREENSHOTS_DIR,
 * KEEP_E2E_DATA=1, E2E_TIMEOUT_MS (default 300000).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { DESKTOP, login, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';
import { runStandalone, startedDirectly } from './standalone.ts';
import { apiSession, pushWarning } from './warnings-api.ts';
import {
  assertNotReloaded,
  boardValue,
  checkImport,
  checkSettings,
  checkStats,
  dispatchFromTriage,
  handleWarning,
  markDocument,
  openBoard,
  openWarnings,
  refuseWithoutVisit,
} from './warnings-checks.ts';

const STATION = '149902001';

/** A phone number no demo warning uses, so the reveal shows exactly this one. */
function testPhone(n: number): string {
  return `139${String(Date.now() % 10_000_000).padStart(7, '0')}${n % 10}`;
}

export async function warningsFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    const c = await b.newContext({ viewport, locale: 'zh-CN', ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return newWatchedPage(c, ctx);
  };
  const stamp = Date.now().toString(36);
  try {
    const officer = await open(DESKTOP);
    const analyst = await open(DESKTOP);
    let dissuadedBefore = 0;
    let ok = await report.check(`${label}warnings: station officer opens the queue, analyst the board (both live)`, async () => {
      await login(officer, ctx, 'station_officer');
      await openWarnings(officer);
      await officer.getByTestId('warning-table').waitFor({ state: 'visible' });
      await login(analyst, ctx, 'center_analyst');
      await openWarnings(analyst);
      await openBoard(analyst);
      dissuadedBefore = await boardValue(analyst, 'today-dissuaded');
    });
    if (!ok) return;

    const phone = testPhone(1);
    let id = 0;
    ok = await report.check(`${label}warnings: a warning pushed through the API appears in the open queue without a reload`, async () => {
      await markDocument(officer);
      const api = await apiSession(ctx.baseUrl, 'demo-center_analyst', ctx.password);
      const pushed = await pushWarning(api, `e2e-${stamp}-1`, phone);
      if (pushed.assignedOrgCode !== STATION || pushed.status !== 'dispatched') throw new Error(`routed to ${pushed.assignedOrgCode} (${pushed.status}), expected ${STATION}`);
      id = pushed.id;
      const row = officer.getByTestId(`warning-row-${id}`);
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.getByText('紧急', { exact: true }).waitFor({ state: 'visible' });
      await row.getByText('新', { exact: true }).waitFor({ state: 'visible' });
      await assertNotReloaded(officer);
      await screenshot(officer, ctx, 'warnings-queue');
    });
    if (ok) {
      await report.check(`${label}warnings: open it, reveal, 签收, 记录劝阻 (电话/已接通), 反馈 劝阻成功; timeline shows the steps`, () => handleWarning(officer, ctx, id, phone));
      await report.check(`${label}warnings: the analyst's board counts the dissuasion live`, async () => {
        await analyst.locator(`[data-testid="board-today-dissuaded"][data-value="${dissuadedBefore + 1}"]`).waitFor({ state: 'visible', timeout: 10_000 });
        await screenshot(analyst, ctx, 'warnings-board');
      });
    }
    await report.check(`${label}warnings: a refusal without a visit turns into 需上门`, async () => {
      const api = await apiSession(ctx.baseUrl, 'demo-center_analyst', ctx.password);
      const pushed = await pushWarning(api, `e2e-${stamp}-2`, testPhone(2));
      await refuseWithoutVisit(officer, pushed.id);
    });
    await report.check(`${label}warnings: the center dispatches a warning from triage to a station`, async () => {
      const api = await apiSession(ctx.baseUrl, 'demo-center_analyst', ctx.password);
      // No address and no region: nothing routes it, so it lands in the city's triage.
      const pushed = await pushWarning(api, `e2e-${stamp}-3`, testPhone(3), { located: false });
      if (pushed.status !== 'received') throw new Error(`expected the warning in triage, it went to ${pushed.assignedOrgCode}`);
      await dispatchFromTriage(analyst, pushed.id);
      const after = await api.get<{ status: string; assignedOrgCode: string }>(`/api/v1/warnings/${pushed.id}`);
      if (after.status !== 'dispatched' || after.assignedOrgCode !== STATION) throw new Error(`after dispatch: ${after.status} at ${after.assignedOrgCode}`);
    });
    await report.check(`${label}warnings: statistics by unit and the Excel export`, () => checkStats(analyst, ctx));
    await report.check(`${label}warnings: CSV import with column mapping, progress and a rejected row`, () => checkImport(analyst, ctx, stamp));

    await report.check(`${label}warnings: the queue as cards on a 390×844 phone`, async () => {
      const page = await open(PHONE, true);
      await login(page, ctx, 'station_officer');
      await page.getByTestId('open-menu').click();
      await page.getByTestId('nav-warnings').click();
      await page.getByTestId('warning-cards').waitFor({ state: 'visible' });
      await page.locator('[data-testid="warning-cards"] [data-testid^="warning-row-"]').first().waitFor({ state: 'visible' });
      await screenshot(page, ctx, 'warnings-queue-phone');
    });
    await report.check(`${label}warnings: the admin's deadlines and repeat window`, async () => {
      const page = await open(DESKTOP);
      await login(page, ctx, 'admin');
      await checkSettings(page, ctx);
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}

// Run when started directly; smoke.ts imports warningsFlow without running this.
if (startedDirectly(import.meta.url)) process.exit(await runStandalone('warnings', warningsFlow, { password: 'Warnings-e2e-2024' }));
