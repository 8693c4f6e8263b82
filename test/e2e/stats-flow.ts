/**
 * Browser test of the 统计研判 dashboard against the real server and its demo city:
 *
 *   npx tsx test/e2e/stats-flow.ts
 *
 * The center leader opens 统计研判 and sees the KPI cards with numbers, switches the period to this month
 * and the jurisdiction to 城关区 (both land in the address, and a reload keeps them), goes back to the city
 * by the path above the figures, clicks 河东区 in the heat table and the dashboard narrows to it (its 发案数
 * is the row's), then clicks the 发案数 card and lands on the cases list filtered to 河东区, the period and
 * "reported" (shown as filters) with as many cases as the card says, and the 预警数 card likewise on the
 * warnings of every status received in those days. The station officer sees only his station and the
 * grids inside it, also when a link names another county. The dashboard is shown on a desktop, on a
 * phone (cards stacked) and in English, and the charts follow the window's width. 同比 of the 两升两降 KPIs shows a
 * number (the demo city seeds the year before). Then the reports, bulletins and reference figures (stats-documents.ts).
 * Any browser console error or warning,
 * or any 4xx from the API, fails the check it is in.
 *
 * Standalone it builds a fresh web bundle into a temporary directory (E2E_BUNDLE=dev, the default, keeps
 * React's and antd's runtime warnings; E2E_BUNDLE=prod builds what ships) and starts its own server, or
 * uses a running one with E2E_BASE_URL and E2E_PASSWORD (its demo password). Env: CHROMIUM_PATH,
 * SCREENSHOTS_DIR, KEEP_E2E_DATA=1, E2E_TIMEOUT_MS (default 420000).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { closePopup, DESKTOP, login, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';
import { statsDocumentsFlow } from './stats-documents.ts';
import { runStandalone, startedDirectly } from './standalone.ts';

const CITY = '149900';
const COUNTY = '149902'; // 城关区
const OTHER_COUNTY = '149903'; // 河东区
const STATION = '149902001'; // 城关区城东派出所, the demo station officer's

/** The dashboard has the figures of this unit (and, if given, of the period starting that day) and is not refetching. */
async function settled(page: Page, orgCode: string, firstDay?: string): Promise<void> {
  const first = firstDay ? `[data-first="${firstDay}"]` : '';
  await page.locator(`[data-testid="stats-dashboard"][data-settled="true"][data-org-code="${orgCode}"]${first}`).waitFor({ state: 'visible', timeout: 15_000 });
}

async function openStats(page: Page, phone = false): Promise<void> {
  if (phone) await page.getByTestId('open-menu').click();
  await page.getByTestId('nav-stats').click();
  await page.getByTestId('module-stats').waitFor({ state: 'visible' });
}

async function kpiValue(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(`stats-kpi-${id}`).getAttribute('data-value')) ?? '';
}

/** A range picker shows these days, first and last (antd puts the picker's test id on both its inputs). */
async function pickerShows(inputs: Locator, days: { first: string; last: string }): Promise<void> {
  const seen = [await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()];
  if (seen[0] !== days.first || seen[1] !== days.last) throw new Error(`the picker shows ${seen.join(' – ')}, expected ${days.first} – ${days.last}`);
}

/** This month so far: the 1st to today (a period reaching past today ends today on the server). */
function monthSpan(today: string): { first: string; last: string } {
  return { first: `${today.slice(0, 7)}-01`, last: today };
}

export async function statsFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    const c = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return newWatchedPage(c, ctx);
  };
  try {
    const leader = await open(DESKTOP);
    let today = '';

    let ok = await report.check(`${label}stats: the center leader opens 统计研判 and sees the KPI cards with numbers, the trend and the counties`, async () => {
      await login(leader, ctx, 'center_leader');
      await openStats(leader);
      await settled(leader, CITY);
      // The default period is the year so far: 1 January to today (China time, as the server counts).
      const line = leader.getByTestId('stats-period-line');
      today = (await line.getAttribute('data-last')) ?? '';
      if ((await line.getAttribute('data-first')) !== `${today.slice(0, 4)}-01-01`) throw new Error('the default period is not the year so far');
      for (const id of ['cases_reported', 'loss', 'cases_solved', 'suspects_arrested']) {
        const v = Number(await kpiValue(leader, id));
        if (!(v > 0)) throw new Error(`${id} shows ${v}, expected a number above 0 from the demo city`);
        if (!/\d/.test(await leader.getByTestId(`stats-kpi-${id}-value`).innerText())) throw new Error(`${id} card shows no number`);
      }
      // The 两升两降 four come first, in that order.
      const order = await leader.locator('[data-testid^="stats-kpi-"][data-value]').evaluateAll((els) => els.slice(0, 4).map((e) => e.getAttribute('data-testid')));
      if (order.join() !== 'stats-kpi-cases_reported,stats-kpi-loss,stats-kpi-cases_solved,stats-kpi-suspects_arrested') throw new Error(`headline order: ${order.join()}`);
      await leader.getByTestId('stats-kpi-loss').getByText('万元').waitFor({ state: 'visible' });
      await leader.getByTestId('stats-trend-chart').locator('canvas').first().waitFor({ state: 'visible' });
      await leader.getByTestId('stats-types-chart').waitFor({ state: 'visible' });
      const rows = await leader.locator('[data-testid="stats-heat-table"] tr[data-code]').count();
      if (rows !== 5) throw new Error(`the heat table lists ${rows} units, expected the 5 counties`);
      await leader.getByTestId('stats-unit-self').getByText('示例市（本级）').waitFor({ state: 'visible' });
      await screenshot(leader, ctx, 'stats-dashboard');
    });
    if (!ok) return;

    await report.check(`${label}stats: 同比 shows a number for the 两升两降 KPIs (the demo city has a year before), within ±60% from March on`, async () => {
      // A year so far of a few weeks holds too few cases for the change to say much.
      const longEnough = today.slice(5) >= '03-01';
      for (const id of ['cases_reported', 'loss', 'cases_solved', 'suspects_arrested']) {
        const yoy = leader.getByTestId(`stats-kpi-${id}-yoy`);
        const dir = (await yoy.getAttribute('data-dir')) ?? '';
        const text = await yoy.locator('.fz-st-change-value').innerText();
        if (dir === 'none' || !/\d/.test(text)) throw new Error(`${id}: 同比 shows "${text}" (${dir})`);
        const pct = Number(text.replace(/[^\d.]/g, ''));
        if (longEnough && !(pct < 60)) throw new Error(`${id}: 同比 ${text} is implausibly large for the demo city`);
      }
    });

    const month = () => monthSpan(today);
    ok = await report.check(`${label}stats: the leader switches to this month and to 城关区; the address keeps both through a reload`, async () => {
      await leader.getByTestId('stats-period-month').click();
      await leader.waitForURL((u) => u.searchParams.get('period') === today.slice(0, 7));
      await settled(leader, CITY, month().first);
      await leader.getByTestId('stats-org').click();
      await leader.keyboard.type('城关区');
      await leader.locator('.ant-select-tree-title', { hasText: /^城关区（区县）$/ }).click();
      await leader.waitForURL((u) => u.searchParams.get('orgCode') === COUNTY && u.searchParams.get('period') === today.slice(0, 7));
      await settled(leader, COUNTY, month().first);
      // The heat table now lists 城关区's stations and townships.
      await leader.getByTestId(`stats-unit-${STATION}`).waitFor({ state: 'visible' });
      await leader.reload();
      await settled(leader, COUNTY, month().first);
      if ((await leader.getByTestId('stats-period-line').getAttribute('data-last')) !== month().last) throw new Error('this month does not end today');
      // Back to the city through the path above the figures.
      await leader.getByTestId('stats-path-current').getByText('城关区').waitFor({ state: 'visible' });
      await leader.getByTestId(`stats-path-${CITY}`).click();
      await settled(leader, CITY, month().first);
      if (new URL(leader.url()).searchParams.has('orgCode')) throw new Error('the city is the leader’s own unit: no orgCode expected');
    });
    if (!ok) return;

    ok = await report.check(`${label}stats: clicking 河东区 in the heat table narrows the dashboard to it; its 发案数 is the row's`, async () => {
      const row = leader.getByTestId(`stats-unit-${OTHER_COUNTY}`);
      const inRow = (await row.locator('[data-kpi="cases_reported"]').getAttribute('data-value')) ?? '';
      await row.locator('td').nth(2).click();
      await leader.waitForURL((u) => u.searchParams.get('orgCode') === OTHER_COUNTY);
      await settled(leader, OTHER_COUNTY, month().first);
      if ((await kpiValue(leader, 'cases_reported')) !== inRow) throw new Error(`河东区's 发案数 ${await kpiValue(leader, 'cases_reported')} differs from its row's ${inRow}`);
      await leader.getByTestId('stats-path-current').getByText('河东区').waitFor({ state: 'visible' });
    });
    if (!ok) return;

    await report.check(`${label}stats: the 发案数 card opens 河东区's cases of the period, as many as the card says`, async () => {
      const shown = await kpiValue(leader, 'cases_reported');
      await leader.getByTestId('stats-kpi-cases_reported-link').click();
      await leader.waitForURL((u) => u.pathname === '/cases' && u.searchParams.get('status') === 'reported' && u.searchParams.get('orgCode') === OTHER_COUNTY);
      const list = leader.getByTestId('case-list');
      await leader.locator('[data-testid="case-list"][data-settled="true"]').waitFor({ state: 'visible' });
      // The unit, the days and "reported" show as filters one can clear.
      await leader.getByTestId('case-filter-org').getByText('河东区（区县）').waitFor({ state: 'visible' });
      await leader.getByTestId('case-filter-status').getByText('已报案（不含撤案）').waitFor({ state: 'visible' });
      await pickerShows(leader.getByTestId('case-filter-period'), month());
      const total = (await list.getAttribute('data-total')) ?? '';
      if (total !== shown) throw new Error(`the list holds ${total} cases, the 发案数 card shows ${shown}`);
      if (Number(total) > 0) await list.getByText(`共 ${total} 条`).waitFor({ state: 'visible' });
      await screenshot(leader, ctx, 'stats-drill-cases');
      await leader.goBack();
      await settled(leader, OTHER_COUNTY, month().first);
    });

    await report.check(`${label}stats: the 预警数 card opens 河东区's warnings received in the period, every status, as many as the card says`, async () => {
      const shown = await kpiValue(leader, 'warnings_received');
      await leader.getByTestId('stats-kpi-warnings_received-link').click();
      await leader.waitForURL((u) => u.pathname === '/warnings' && u.searchParams.get('status') === 'all' && u.searchParams.get('orgCode') === OTHER_COUNTY);
      const queue = leader.getByTestId('warning-queue');
      await leader.locator('[data-testid="warning-queue"][data-settled="true"]').waitFor({ state: 'visible' });
      await leader.getByTestId('filter-org').getByText('河东区（区县）').waitFor({ state: 'visible' });
      await leader.getByTestId('filter-status').getByText('全部状态').waitFor({ state: 'visible' });
      await pickerShows(leader.getByTestId('filter-received'), month());
      // Totals are exact up to 10,000; a county's month stays well below.
      if ((await queue.getAttribute('data-total-capped')) !== 'false') throw new Error('the queue total is capped: pick a smaller unit or period');
      const total = (await queue.getAttribute('data-total')) ?? '';
      if (total !== shown) throw new Error(`the queue holds ${total} warnings, the 预警数 card shows ${shown}`);
      if (Number(total) > 0) await queue.getByText(`共 ${total} 条`).waitFor({ state: 'visible' });
      await screenshot(leader, ctx, 'stats-drill-warnings');
      await leader.goBack();
      await settled(leader, OTHER_COUNTY, month().first);
    });

    await report.check(`${label}stats: the station officer sees only his station and its grids, also from a link naming another county`, async () => {
      const officer = await open(DESKTOP);
      await login(officer, ctx, 'station_officer');
      await openStats(officer);
      await settled(officer, STATION);
      const codes = await officer.locator('[data-testid="stats-heat-table"] tr[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
      if (codes.length === 0 || codes.some((c) => !c.startsWith(STATION))) throw new Error(`units outside the station: ${codes.join(', ')}`);
      await officer.getByTestId('stats-org').click();
      await officer.locator('.ant-select-tree-title', { hasText: '城关区城东派出所' }).first().waitFor({ state: 'visible' });
      if (await officer.locator('.ant-select-tree-title', { hasText: '河东区' }).count()) throw new Error('the picker offers 河东区 to the station officer');
      await closePopup(officer);
      await screenshot(officer, ctx, 'stats-dashboard-station');
      // A shared link naming another county shows his own station instead, without asking the server for it.
      await officer.goto(`${ctx.baseUrl}/stats?orgCode=${OTHER_COUNTY}`);
      await settled(officer, STATION);
      await officer.getByTestId('stats-org-outside').waitFor({ state: 'visible' });
    });

    await report.check(`${label}stats: the dashboard on a 390×844 phone (cards stacked) and in English; the charts follow the window`, async () => {
      const phone = await open(PHONE, true);
      await login(phone, ctx, 'center_leader');
      await openStats(phone, true);
      await settled(phone, CITY);
      const a = await phone.getByTestId('stats-kpi-cases_reported').boundingBox();
      const c = await phone.getByTestId('stats-kpi-loss').boundingBox();
      if (!a || !c || Math.abs(a.x - c.x) > 1 || c.y <= a.y || a.width < PHONE.width - 80) throw new Error('the KPI cards are not stacked full width on a phone');
      const chart = await phone.getByTestId('stats-trend-chart').boundingBox();
      if (!chart || chart.width < PHONE.width - 80) throw new Error('the trend chart is not full width on a phone');
      await screenshot(phone, ctx, 'stats-dashboard-phone');

      // A narrower window redraws the charts at the new width.
      const canvas = leader.getByTestId('stats-trend-chart').locator('canvas').first();
      const before = (await canvas.boundingBox())?.width ?? 0;
      await leader.setViewportSize({ width: 1100, height: 900 });
      await leader.waitForFunction((w) => {
        const el = document.querySelector('[data-testid="stats-trend-chart"] canvas');
        return el instanceof HTMLCanvasElement && Math.abs(el.getBoundingClientRect().width - w) > 100;
      }, before);
      await leader.setViewportSize(DESKTOP);

      await leader.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
      await leader.getByTestId('module-stats').getByText('Statistics', { exact: true }).first().waitFor({ state: 'visible' });
      await leader.getByTestId('stats-kpi-cases_reported').getByText('Cases reported').waitFor({ state: 'visible' });
      await leader.getByTestId('stats-heat').getByText('By unit').waitFor({ state: 'visible' });
      await screenshot(leader, ctx, 'stats-dashboard-en');
      await leader.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
      await leader.getByTestId('nav-home').getByText('首页', { exact: true }).waitFor({ state: 'visible' });
    });

    // Reports, bulletins and reference figures (stats-documents.ts).
    await statsDocumentsFlow(b, ctx, report, label);
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}

// Run when started directly; smoke.ts imports statsFlow without running this.
if (startedDirectly(import.meta.url)) process.exit(await runStandalone('stats', statsFlow, { password: 'Stats-e2e-2024', timeoutMs: 420_000 }));
