/**
 * The statistics module's reports, 警情通报 bulletins and reference figures, in the browser (part of
 * stats-flow.ts, which runs it after the dashboard's checks):
 *
 * - the analyst opens 统计报表 from the module's tabs, makes a custom report for this month and 城关区 and
 *   sees it listed (also under the 统计报告 filter), downloads its Excel (a real xlsx whose first sheet is
 *   概况) and opens its printable page in a new tab;
 * - drafts a bulletin for 城关区, adds a sentence to its 防范提示 section, saves it, publishes it after the
 *   confirmation and sees it read-only and listed as published; the station officer of 城关区城东派出所 (on a
 *   phone) finds it among the bulletins published to him and reads the added sentence;
 * - changes a county's criminal cases in 基础数据 and saves; the table shows the registration rate and the
 *   dashboard shows 电诈占比 and APP注册率.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, login, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';

const COUNTY = '149902'; // 城关区
const OTHER_COUNTY = '149903'; // 河东区
const ADDED = '（经研判补充：近期冒充客服类案件高发，请各所加强对老年人的宣传。）';

async function openTab(page: Page, tab: 'reports' | 'bulletins' | 'figures', phone = false): Promise<void> {
  if (phone) await page.getByTestId('open-menu').click();
  await page.getByTestId('nav-stats').click();
  await page.getByTestId('module-stats').waitFor({ state: 'visible' });
  await page.getByTestId(`stats-tab-${tab}`).click();
  await page.locator(`[data-testid="stats-${tab}"][data-settled="true"]`).waitFor({ state: 'visible', timeout: 15_000 });
}

/** A full-page picture from the top (a scrolled page would draw the fixed header and menu mid-page). */
async function shot(page: Page, ctx: Ctx, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, ctx, name);
}

/** Picks a unit in an organisation tree picker (the open popup only: a page may hold several). */
async function pickOrg(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title', { hasText: new RegExp(`^${name}（区县）$`) }).click();
}

export async function statsDocumentsFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    const c = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return { context: c, page: await newWatchedPage(c, ctx) };
  };
  try {
    const { context, page: analyst } = await open(DESKTOP);
    let reportId = 0;

    let ok = await report.check(`${label}stats: the analyst makes a custom report for this month and 城关区 from 统计报表 and sees it listed`, async () => {
      await login(analyst, ctx, 'center_analyst');
      await openTab(analyst, 'reports');
      await pickOrg(analyst, 'report-org', '城关区');
      const made = analyst.waitForResponse((r) => r.url().endsWith('/api/v1/stats/reports') && r.request().method() === 'POST');
      await analyst.getByTestId('report-submit').click();
      const res = await made;
      if (res.status() !== 201) throw new Error(`POST /api/v1/stats/reports answered ${res.status()}`);
      const body = (await res.json()) as { id: number; kind: string; orgCode: string; firstDay: string };
      reportId = body.id;
      if (body.kind !== 'custom' || body.orgCode !== COUNTY || !body.firstDay.endsWith('-01')) throw new Error(`unexpected report ${JSON.stringify(body)}`);
      const row = analyst.locator(`[data-testid="report-row-${reportId}"][data-kind="custom"][data-org-code="${COUNTY}"]`);
      await row.waitFor({ state: 'visible' });
      // The scheduled job's weekly and monthly reports are there too.
      await analyst.locator('[data-testid^="report-row-"][data-kind="monthly"]').first().waitFor({ state: 'visible' });
      await shot(analyst, ctx, 'stats-reports');
      await analyst.getByTestId('report-kind-custom').click();
      await analyst.waitForURL((u) => u.searchParams.get('kind') === 'custom');
      await analyst.locator('[data-testid="stats-reports"][data-kind="custom"][data-settled="true"]').waitFor({ state: 'visible' });
      const kinds = await analyst.locator('[data-testid^="report-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      if (kinds.length === 0 || kinds.some((k) => k !== 'custom')) throw new Error(`the 统计报告 filter lists ${kinds.join(', ')}`);
      await row.waitFor({ state: 'visible' });
    });
    if (!ok) return;

    await report.check(`${label}stats: the report's Excel download is a workbook whose first sheet is 概况`, async () => {
      const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.getByTestId(`report-xlsx-${reportId}`).click()]);
      if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(`downloaded ${download.suggestedFilename()}`);
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new Error('the download is not a zip (xlsx) file');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      if (wb.worksheets[0]?.name !== '概况') throw new Error(`first sheet ${wb.worksheets[0]?.name ?? '(none)'}, expected 概况`);
    });

    await report.check(`${label}stats: the report's printable page opens in a new tab`, async () => {
      const [popup] = await Promise.all([context.waitForEvent('page'), analyst.getByTestId(`report-print-${reportId}`).click()]);
      await popup.waitForLoadState('domcontentloaded');
      await popup.getByText('一、主要指标').waitFor({ state: 'visible' });
      const title = await popup.title();
      if (!title.includes('城关区') || !title.includes('统计报告')) throw new Error(`printable page titled ${title}`);
      await shot(popup, ctx, 'stats-report-print');
      await popup.close();
    });

    let bulletinId = 0;
    ok = await report.check(`${label}stats: the analyst drafts a bulletin for 城关区, adds to its 防范提示 and saves the draft`, async () => {
      await openTab(analyst, 'bulletins');
      await analyst.getByTestId('bulletin-new').click();
      await analyst.getByTestId('bulletin-draft').waitFor({ state: 'visible' });
      await pickOrg(analyst, 'bulletin-draft-org', '城关区');
      const drafted = analyst.waitForResponse((r) => r.url().endsWith('/api/v1/stats/bulletins') && r.request().method() === 'POST');
      await analyst.getByTestId('bulletin-draft-submit').click();
      const res = await drafted;
      if (res.status() !== 201) throw new Error(`POST /api/v1/stats/bulletins answered ${res.status()}`);
      bulletinId = ((await res.json()) as { id: number }).id;
      await analyst.waitForURL((u) => u.pathname === `/stats/bulletins/${bulletinId}`);
      await analyst.locator(`[data-testid="stats-bulletin"][data-status="draft"][data-id="${bulletinId}"]`).waitFor({ state: 'visible' });
      const headings = await analyst.locator('[data-testid^="bulletin-section-"][data-heading]').evaluateAll((els) => els.map((e) => e.getAttribute('data-heading')));
      if (headings.join() !== '一、总体情况,二、主要类型,三、新手法、新话术,四、典型案例,五、防范提示') throw new Error(`sections: ${headings.join(' | ')}`);
      await analyst.getByTestId('bulletin-basis').waitFor({ state: 'visible' });
      const advice = analyst.locator('[data-testid^="bulletin-section-"][data-heading="五、防范提示"] textarea');
      await advice.click();
      await advice.press('Control+End');
      await advice.pressSequentially(`\n${ADDED}`);
      await analyst.locator('[data-testid="bulletin-editor"][data-dirty="true"]').waitFor({ state: 'visible' });
      const saved = analyst.waitForResponse((r) => r.url().endsWith(`/api/v1/stats/bulletins/${bulletinId}`) && r.request().method() === 'PATCH');
      await analyst.getByTestId('bulletin-save').click();
      const patch = await saved;
      if (patch.status() !== 200) throw new Error(`PATCH answered ${patch.status()}`);
      const body = ((await patch.json()) as { body: string }).body;
      if (!body.endsWith(ADDED) || !body.includes('一、总体情况')) throw new Error(`saved body ends: ${body.slice(-80)}`);
      await analyst.locator('[data-testid="bulletin-editor"][data-dirty="false"]').waitFor({ state: 'visible' });
      await shot(analyst, ctx, 'stats-bulletin-editor');
    });
    if (!ok) return;

    ok = await report.check(`${label}stats: the analyst publishes the bulletin after the confirmation; it reads as published`, async () => {
      await analyst.getByTestId('bulletin-publish').click();
      await analyst.getByTestId('bulletin-publish-confirm').waitFor({ state: 'visible' });
      await analyst.getByTestId('bulletin-publish-ok').click();
      await analyst.locator(`[data-testid="stats-bulletin"][data-status="published"][data-id="${bulletinId}"]`).waitFor({ state: 'visible' });
      await analyst.getByTestId('bulletin-read-only').waitFor({ state: 'visible' });
      await analyst.getByTestId('bulletin-published-line').waitFor({ state: 'visible' });
      if (!(await analyst.getByTestId('bulletin-body').innerText()).includes(ADDED)) throw new Error('the published text lacks the added sentence');
      if (await analyst.getByTestId('bulletin-save').count()) throw new Error('a published bulletin still offers to save');
      await analyst.getByTestId('bulletin-back').click();
      await analyst.locator('[data-testid="stats-bulletins"][data-settled="true"]').waitFor({ state: 'visible' });
      await analyst.locator(`[data-testid="bulletin-row-${bulletinId}"][data-status="published"]`).waitFor({ state: 'visible' });
      await shot(analyst, ctx, 'stats-bulletins');
    });

    if (ok) {
      await report.check(`${label}stats: the station officer (phone) finds the bulletin 城关区 published to him and reads it`, async () => {
        const { page: officer } = await open(PHONE, true);
        await login(officer, ctx, 'station_officer');
        await openTab(officer, 'bulletins', true);
        if (await officer.getByTestId('bulletin-new').count()) throw new Error('the station officer is offered to draft a bulletin');
        const card = officer.locator(`[data-testid="bulletin-row-${bulletinId}"][data-status="published"][data-org-code="${COUNTY}"]`);
        await card.waitFor({ state: 'visible' });
        await shot(officer, ctx, 'stats-bulletins-phone');
        await card.click();
        await officer.locator(`[data-testid="stats-bulletin"][data-status="published"][data-id="${bulletinId}"]`).waitFor({ state: 'visible' });
        await officer.getByTestId('bulletin-body').getByText(ADDED).waitFor({ state: 'visible' });
        if (await officer.getByTestId('bulletin-publish').count()) throw new Error('the station officer is offered to publish');
        await shot(officer, ctx, 'stats-bulletin-phone');
      });
    }

    await report.check(`${label}stats: the analyst edits a county's criminal cases in 基础数据; the rates show on the table and the dashboard`, async () => {
      await openTab(analyst, 'figures');
      const field = analyst.getByTestId(`figure-${OTHER_COUNTY}-criminal_cases`);
      await field.waitFor({ state: 'visible' });
      const before = Number((await field.inputValue()).replace(/,/g, ''));
      if (!(before > 0)) throw new Error(`河东区 has no criminal cases this month (${before}): the demo should seed them`);
      if (!/%$/.test(await analyst.getByTestId(`figure-rate-${COUNTY}`).innerText())) throw new Error('城关区 shows no registration rate');
      await field.fill(String(before + 3));
      await analyst.locator('[data-testid="stats-figures"][data-changed="1"]').waitFor({ state: 'visible' });
      const saved = analyst.waitForResponse((r) => r.url().endsWith('/api/v1/stats/reference-figures') && r.request().method() === 'PUT');
      await analyst.getByTestId('figures-save').click();
      if ((await saved).status() !== 200) throw new Error('PUT reference figures failed');
      await analyst.locator('[data-testid="stats-figures"][data-changed="0"][data-settled="true"]').waitFor({ state: 'visible' });
      if (Number((await field.inputValue()).replace(/,/g, '')) !== before + 3) throw new Error('the saved figure does not show');
      await shot(analyst, ctx, 'stats-figures');
      await analyst.getByTestId('stats-tab-dashboard').click();
      await analyst.locator('[data-testid="stats-dashboard"][data-settled="true"]').waitFor({ state: 'visible', timeout: 15_000 });
      for (const id of ['fraud_share', 'app_registration_rate']) {
        const v = Number(await analyst.getByTestId(`stats-kpi-${id}`).getAttribute('data-value'));
        if (!(v > 0 && v < 1)) throw new Error(`${id} shows ${v}, expected a rate from the reference figures`);
      }
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}
