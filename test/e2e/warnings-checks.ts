import type { Page } from 'playwright-core';
import { screenshot, type Ctx } from './flows.ts';

const detail = (page: Page) => page.getByTestId('warning-detail');
const modal = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal');

export async function openWarnings(page: Page): Promise<void> {
  await page.getByTestId('nav-warnings').click();
  await page.getByTestId('module-warnings').waitFor({ state: 'visible' });
  // Only once the event stream is open can a new warning show up by itself.
  await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor({ state: 'visible', timeout: 15_000 });
}

/** The page must not have reloaded: a marker set on the document before the push is still there. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.e2eMarker = 'kept';
  });
}

export async function assertNotReloaded(page: Page): Promise<void> {
  const marker = await page.evaluate(() => document.documentElement.dataset.e2eMarker ?? null);
  if (marker !== 'kept') throw new Error('the page reloaded: the new warning was not delivered live');
}

async function waitStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="warning-detail"][data-status="${status}"]`).waitFor({ state: 'visible', timeout: 10_000 });
}

async function chooseInModal(page: Page, text: string): Promise<void> {
  await modal(page).getByText(text, { exact: true }).click();
}

/** 签收 → 记录劝阻 (电话, 已接通) → 反馈结果 劝阻成功, then the timeline must show the three steps. */
export async function handleWarning(page: Page, ctx: Ctx, id: number, phone: string): Promise<void> {
  await page.getByTestId(`warning-row-${id}`).click();
  await detail(page).waitFor({ state: 'visible' });
  await waitStatus(page, 'dispatched');

  // The reveal is audited, so it asks first; then the full number shows.
  await page.getByTestId('warning-reveal').click();
  await page.getByTestId('reveal-confirm').click();
  await page.getByTestId('victim-phone').getByText(phone, { exact: true }).waitFor({ state: 'visible' });

  await page.getByTestId('action-acknowledge').click();
  await waitStatus(page, 'acknowledged');

  await page.getByTestId('action-attempt').click();
  await page.getByTestId('attempt-submit').waitFor({ state: 'visible' });
  await chooseInModal(page, '电话');
  await chooseInModal(page, '已接通');
  await page.getByTestId('attempt-note').fill('电话联系本人，已讲清刷单返利骗局');
  await page.getByTestId('attempt-submit').click();
  await waitStatus(page, 'in_progress');
  await page.getByTestId('attempt-submit').waitFor({ state: 'hidden' });

  await page.getByTestId('action-outcome').click();
  await page.getByTestId('outcome-submit').waitFor({ state: 'visible' });
  await chooseInModal(page, '劝阻成功');
  await page.getByTestId('outcome-submit').click();
  await waitStatus(page, 'closed');
  await page.getByTestId('outcome-submit').waitFor({ state: 'hidden' });
  await page.getByTestId('warning-outcome').getByText('劝阻成功').waitFor({ state: 'visible' });

  const timeline = page.getByTestId('warning-timeline');
  for (const [kind, text] of [
    ['dispatched', '已分派'],
    ['acknowledged', '已签收'],
    ['attempt', '劝阻记录'],
    ['closed', '已反馈办结'],
  ] as const) {
    await timeline.getByTestId(`timeline-${kind}`).getByText(text, { exact: true }).waitFor({ state: 'visible' });
  }
  await timeline.getByTestId('timeline-attempt').getByText('电话 · 已接通').waitFor({ state: 'visible' });
  await timeline.getByTestId('timeline-closed').getByText(/劝阻成功/).waitFor({ state: 'visible' });
  // Every button of the workflow is off once the warning is closed.
  for (const action of ['acknowledge', 'attempt', 'outcome']) {
    if (await page.getByTestId(`action-${action}`).isEnabled()) throw new Error(`${action} still enabled on a closed warning`);
  }
  await screenshot(page, ctx, 'warnings-detail');
}

/** A refusal without a visit does not close the warning: it turns into a visit the unit must make. */
export async function refuseWithoutVisit(page: Page, id: number): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/warnings/${id}`);
  await detail(page).waitFor({ state: 'visible' });
  await page.getByTestId('action-acknowledge').click();
  await waitStatus(page, 'acknowledged');
  await page.getByTestId('action-attempt').click();
  await page.getByTestId('attempt-submit').waitFor({ state: 'visible' });
  await chooseInModal(page, '电话');
  await chooseInModal(page, '拒绝劝阻');
  await page.getByTestId('attempt-submit').click();
  await page.getByTestId('attempt-submit').waitFor({ state: 'hidden' });
  await page.getByTestId('action-outcome').click();
  await page.getByTestId('outcome-submit').waitFor({ state: 'visible' });
  await chooseInModal(page, '拒绝劝阻');
  await page.getByTestId('refused-hint').waitFor({ state: 'visible' });
  await page.getByTestId('outcome-submit').click();
  await page.getByTestId('outcome-submit').waitFor({ state: 'hidden' });
  await page.getByTestId('visit-required').waitFor({ state: 'visible' });
  await waitStatus(page, 'in_progress');
  await page.getByTestId('warning-timeline').getByTestId('timeline-visit_required').getByText('需上门', { exact: true }).waitFor({ state: 'visible' });
}

/** The center's triage: a warning no rule could route is sent on to a station from the 待研判 view. */
export async function dispatchFromTriage(page: Page, id: number): Promise<void> {
  await page.getByTestId('warnings-tab-queue').click();
  // Tabs and views are routes rendered in a transition: until the new one is ready the old one stays on screen
  // and answers clicks (a dialog opened there vanishes when the new one commits), so wait for it to be shown.
  await page.locator('.ant-tabs-tab-active').getByTestId('warnings-tab-queue').waitFor({ state: 'visible' });
  await page.getByTestId('queue-view-triage').click();
  await page.locator('.ant-segmented-item-selected').getByTestId('queue-view-triage').waitFor({ state: 'visible' });
  const row = page.getByTestId(`warning-row-${id}`);
  await row.waitFor({ state: 'visible' });
  await page.getByTestId(`warning-dispatch-${id}`).click();
  await page.getByTestId('dispatch-submit').waitFor({ state: 'visible' });
  await page.getByTestId('dispatch-org').click();
  await page.keyboard.type('城东派出所');
  await page.locator('.ant-select-tree-title', { hasText: /^城关区城东派出所（派出所）$/ }).click();
  await page.getByTestId('dispatch-org').getByText(/^城关区城东派出所（派出所）$/).waitFor({ state: 'visible' });
  await page.getByTestId('dispatch-submit').click();
  await page.locator('.ant-message').getByText('已分派至 城关区城东派出所').waitFor({ state: 'visible' });
  await page.getByTestId('dispatch-submit').waitFor({ state: 'hidden' });
  // Gone from the triage backlog: it now waits in the station's queue.
  await row.waitFor({ state: 'hidden' });
}

export async function boardValue(page: Page, key: string): Promise<number> {
  const v = await page.getByTestId(`board-${key}`).getAttribute('data-value');
  return Number(v);
}

export async function openBoard(page: Page): Promise<void> {
  await page.getByTestId('warnings-tab-board').click();
  await page.getByTestId('warning-board').waitFor({ state: 'visible' });
  await page.getByTestId('board-today-dissuaded').waitFor({ state: 'visible' });
  await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor({ state: 'visible', timeout: 15_000 });
}

export async function checkStats(page: Page, ctx: Ctx): Promise<void> {
  await page.getByTestId('warnings-tab-stats').click();
  await page.getByTestId('stats-table').waitFor({ state: 'visible' });
  await page.getByTestId('period-lastMonth').click();
  await page.getByTestId('period-thisMonth').click();
  const rate = await page.getByTestId('stats-total-successRate').innerText();
  if (!/^(\d+\.\d%|—)$/.test(rate.trim())) throw new Error(`success rate shows "${rate}"`);
  const href = await page.getByTestId('stats-export').getAttribute('href');
  if (!href?.includes('format=xlsx')) throw new Error(`export link looks wrong: ${href}`);
  // The same request the button makes, with the page's session cookie.
  const res = await page.request.get(new URL(href, page.url()).toString());
  const type = res.headers()['content-type'] ?? '';
  if (res.status() !== 200 || !type.includes('spreadsheetml')) throw new Error(`Excel export: HTTP ${res.status()} ${type}`);
  if ((await res.body()).subarray(0, 2).toString() !== 'PK') throw new Error('Excel export is not an xlsx (zip) file');
  await screenshot(page, ctx, 'warnings-stats');
}

function csvFile(stamp: string): { name: string; mimeType: string; buffer: Buffer } {
  // Two days back at 09:30 China time: in the past whatever the test machine's time zone.
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const rows = [
    '预警编号,预警等级,手机号,姓名,地址,行政区划,诈骗类型,预警时间',
    `imp-${stamp}-1,高危,13900000001,李四,示例市城关区城东路1号,149902,刷单返利,${day} 09:30`,
    `imp-${stamp}-2,一般,13900000002,王五,示例市城关区城东路2号,149902,虚假征信,${day} 10:15`,
    `imp-${stamp}-3,紧急,12345,赵六,示例市城关区城东路3号,149902,刷单返利,${day} 11:00`,
  ];
  return { name: `e2e-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`, 'utf8') };
}

/** Upload → mapping prefilled from the headers → run → two new, one rejected on row 4. */
export async function checkImport(page: Page, ctx: Ctx, stamp: string): Promise<void> {
  await page.getByTestId('warnings-tab-import').click();
  await page.getByTestId('warning-import').waitFor({ state: 'visible' });
  await page.locator('[data-testid="warning-import"] input[type="file"]').setInputFiles(csvFile(stamp));
  await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByTestId('import-sample').getByText(`imp-${stamp}-1`).waitFor({ state: 'visible' });
  await page.getByTestId('map-victimPhone').getByText('手机号', { exact: true }).waitFor({ state: 'visible' });
  await screenshot(page, ctx, 'warnings-import-mapping');
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-summary').waitFor({ state: 'visible', timeout: 20_000 });
  const accepted = await page.getByTestId('import-accepted').locator('.ant-statistic-content-value').innerText();
  if (accepted.trim() !== '2') throw new Error(`import: expected 2 new warnings, saw ${accepted}`);
  const bad = page.getByTestId('import-rejected').locator('tbody tr', { hasText: `imp-${stamp}-3` });
  await bad.getByText('victimPhone', { exact: false }).waitFor({ state: 'visible' });
  const row = await bad.locator('td').first().innerText();
  if (row.trim() !== '4') throw new Error(`import: the bad row should be row 4 of the sheet, saw ${row}`);
}

/** The city admin's deadlines card: a save without changes answers 200 and says so. */
export async function checkSettings(page: Page, ctx: Ctx): Promise<void> {
  const item = page.getByTestId('nav-admin-warnings');
  if (!(await item.isVisible())) await page.getByTestId('nav-admin').click();
  await item.click();
  await page.getByTestId('page-warnings-admin').waitFor({ state: 'visible' });
  await page.getByTestId('settings-save').click();
  await page.locator('.ant-message').getByText('已保存').waitFor({ state: 'visible' });
  await screenshot(page, ctx, 'warnings-admin-settings');
}
