/**
 * Browser test of the 重点人员 screens (one file per person, the return of a person stranded abroad, the
 * 核减率) against the real server and its demo city:
 *
 *   npx tsx test/e2e/persons-flow.ts
 *
 * The station officer of 城东派出所 notes his county's 核减率, opens the file of a person stranded abroad with a
 * return plan and a family contact, edits the plan and makes himself the responsible officer (the timeline
 * names the changed fields), records a contact and moves the person stranded → contacted → returning →
 * returned → under control, and sees the control period. The county's row then counts one more listed and
 * one more reduced; the list finds the file by its ID number and under "mine". A grid worker of the
 * station, on a 390×844 phone, finds the file, sees no edit or status controls, and adds a movement to the
 * work log. Last the file is shown in English. Any browser console error or warning, or any 4xx from the
 * API, fails the check it is in.
 *
 * Standalone it builds a fresh web bundle into a temporary directory (E2E_BUNDLE=dev, the default, keeps
 * React's and antd's runtime warnings; E2E_BUNDLE=prod builds what ships) and starts its own server, or
 * uses a running one with E2E_BASE_URL and E2E_PASSWORD (its demo password). smoke.ts may run the same flow
 * (personsFlow) against its servers. Env: CHROMIUM_PATH, SCREENSHOTS_DIR, KEEP_E2E_DATA=1, E2E_TIMEOUT_MS
 * (default 300000).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { idCheckChar } from '../../src/lib/id-number.ts';
import { DESKTOP, login, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';
import { runStandalone, startedDirectly } from './standalone.ts';

const COUNTY = '149902';

/** A valid resident ID number of 城关区 (149902), born 1995, different on every run. */
function idNumber(): string {
  const n = Date.now();
  const first17 = `14990219950${(n % 9) + 1}${String((Math.floor(n / 9) % 28) + 1).padStart(2, '0')}${String(Math.floor(n / 300) % 1000).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
}

interface Story {
  idNumber: string;
  personId: number;
  before: { listed: number; reduced: number };
}

async function openPersons(page: Page, tab?: 'list' | 'reduction', phone = false): Promise<void> {
  if (phone) await page.getByTestId('open-menu').click();
  await page.getByTestId('nav-persons').click();
  await page.getByTestId('module-persons').waitFor({ state: 'visible' });
  if (tab) await page.getByTestId(`persons-tab-${tab}`).click();
}

async function waitStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="person-detail"][data-status="${status}"]`).waitFor({ state: 'visible' });
}

/** The county's row of the 核减率 table once the latest numbers arrived (or, given, once it shows those). */
async function countyRow(page: Page, expect?: { listed: number; reduced: number }): Promise<{ listed: number; reduced: number }> {
  const row = page.locator(`[data-testid="person-reduction"][data-fetching="false"] [data-testid="reduction-row-${COUNTY}"]${expect ? `[data-listed="${expect.listed}"][data-reduced="${expect.reduced}"]` : ''}`);
  await row.waitFor({ state: 'visible' });
  return { listed: Number(await row.getAttribute('data-listed')), reduced: Number(await row.getAttribute('data-reduced')) };
}

/** Types into a search box and submits it (the test id sits on the box's wrapper). */
async function search(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('person-filter-q').locator('input');
  await input.fill(text);
  await input.press('Enter');
}

async function openFile(officer: Page, ctx: Ctx, story: Story): Promise<void> {
  await openPersons(officer, 'list');
  await officer.getByTestId('person-new').click();
  await officer.getByTestId('person-new-form').waitFor({ state: 'visible' });
  await officer.getByTestId('person-id-number').fill(story.idNumber);
  await officer.getByTestId('person-name').fill('周九');
  await officer.getByTestId('person-phone').fill('13800138000');
  // The officer's own station is the keeping unit; stranded abroad is the default category.
  await officer.getByTestId('person-org').getByText('城关区城东派出所').waitFor({ state: 'visible' });
  await officer.getByTestId('person-abroad').fill('缅甸妙瓦底');
  await officer.getByTestId('person-return-plan').fill('通过其母亲做思想工作，劝其尽快回国投案');
  await officer.getByTestId('person-contact-add').click();
  const contact = officer.getByTestId('person-contact-0');
  await contact.getByLabel('姓名').fill('周母');
  await contact.getByLabel('关系').fill('母亲');
  await contact.getByLabel('手机号').fill('13900139000');
  await screenshot(officer, ctx, 'persons-new');
  await officer.getByTestId('person-submit').click();
  await waitStatus(officer, 'stranded');
  story.personId = Number(/\/persons\/(\d+)$/.exec(officer.url())?.[1]);
  if (!story.personId) throw new Error(`no file id in ${officer.url()}`);
  await officer.getByTestId('person-title').getByText('周*').waitFor({ state: 'visible' });
  await officer.getByTestId('person-family').getByText('周* · 母亲 · 139****9000').waitFor({ state: 'visible' });
  await officer.getByTestId('person-officer').getByText('未指定').waitFor({ state: 'visible' });
}

async function editFile(officer: Page, ctx: Ctx): Promise<void> {
  await officer.getByTestId('person-edit').click();
  const drawer = officer.getByTestId('person-edit-form');
  await drawer.waitFor({ state: 'visible' });
  // The contact details stay masked until shown in full; the plan and the officer are editable at once.
  await drawer.getByTestId('person-edit-reveal').waitFor({ state: 'visible' });
  await drawer.getByTestId('person-edit-return-plan').fill('其母亲已同意配合：约定 7 日内经瑞丽口岸入境，派出所民警接回');
  await drawer.getByTestId('person-edit-officer-me').click();
  await drawer.getByTestId('person-edit-officer-me').waitFor({ state: 'hidden' });
  await screenshot(officer, ctx, 'persons-edit');
  await drawer.getByTestId('person-edit-submit').click();
  await drawer.waitFor({ state: 'hidden' });
  await officer.getByTestId('person-return-plan').getByText(/约定 7 日内经瑞丽口岸入境/).waitFor({ state: 'visible' });
  if ((await officer.getByTestId('person-officer').textContent())?.includes('未指定')) throw new Error('no responsible officer after the edit');
  await officer.getByTestId('person-timeline-updated').getByText('修改：劝返计划、责任民警').waitFor({ state: 'visible' });
}

async function recordAndMove(officer: Page): Promise<void> {
  // The event form opens on "contact" at the current time.
  await officer.getByTestId('person-event-text').fill('电话联系本人，本人表示愿意回国');
  await officer.getByTestId('person-event-submit').click();
  await officer.getByTestId('person-timeline-contact').getByText('电话联系本人，本人表示愿意回国').waitFor({ state: 'visible' });
  for (const to of ['contacted', 'returning', 'returned', 'under_control'] as const) {
    await officer.getByTestId(`person-action-${to}`).click();
    const ok = officer.getByTestId('person-status-ok');
    await ok.waitFor({ state: 'visible' });
    await ok.click();
    await waitStatus(officer, to);
    // The confirmation closes with an animation: the next step starts once it is gone, or its click is lost.
    await ok.waitFor({ state: 'hidden' });
  }
  await officer.getByTestId('person-control-until').getByText(/剩余 36[5-6] 天/).waitFor({ state: 'visible' });
  await officer.getByTestId('person-action-released').waitFor({ state: 'visible' });
}

export async function personsFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    const c = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return newWatchedPage(c, ctx);
  };
  const story: Story = { idNumber: idNumber(), personId: 0, before: { listed: 0, reduced: 0 } };
  try {
    const officer = await open(DESKTOP);

    let ok = await report.check(`${label}persons: the station officer opens a stranded-abroad file with a return plan and a family contact`, async () => {
      await login(officer, ctx, 'station_officer');
      await openPersons(officer, 'reduction');
      story.before = await countyRow(officer);
      await openFile(officer, ctx, story);
    });
    if (!ok) return;

    ok = await report.check(`${label}persons: he edits the return plan and makes himself the responsible officer`, () => editFile(officer, ctx));
    if (!ok) return;

    ok = await report.check(`${label}persons: he records a contact and moves the person stranded → contacted → returning → returned → under control`, async () => {
      await recordAndMove(officer);
      await screenshot(officer, ctx, 'persons-detail');
    });
    if (!ok) return;

    await report.check(`${label}persons: the county’s 核减率 counts one more listed and reduced; the list finds the file by ID number and under "mine"`, async () => {
      await openPersons(officer, 'reduction');
      const after = { listed: story.before.listed + 1, reduced: story.before.reduced + 1 };
      await countyRow(officer, after).catch(async () => {
        throw new Error(`核减率 of ${COUNTY}: before ${JSON.stringify(story.before)}, now ${JSON.stringify(await countyRow(officer))}, expected ${JSON.stringify(after)}`);
      });
      // Listed today: this month's period counts the file too.
      await officer.getByTestId('reduction-period-month').click();
      await officer.getByTestId('reduction-range-line').getByText(/^统计 \d{4}-\d{2}-01 至 \d{4}-\d{2}-\d{2} 列管的人员$/).waitFor({ state: 'visible' });
      const month = await countyRow(officer);
      if (month.reduced < 1 || month.listed > after.listed) throw new Error(`this month's row: ${JSON.stringify(month)}`);
      await screenshot(officer, ctx, 'persons-reduction');

      await openPersons(officer, 'list');
      await search(officer, story.idNumber);
      await officer.locator('[data-testid="person-list"][data-total="1"]').waitFor({ state: 'visible' });
      await officer.getByTestId(`person-row-${story.personId}`).waitFor({ state: 'visible' });
      await officer.getByTestId('person-total').getByText('共 1 人').waitFor({ state: 'visible' });
      await officer.getByTestId('person-filter-reset').click();
      await officer.getByTestId('person-filter-mine').click();
      await officer.getByTestId(`person-row-${story.personId}`).waitFor({ state: 'visible' });
      await screenshot(officer, ctx, 'persons-list');
    });

    await report.check(`${label}persons: a grid worker of the station, on a phone, adds a movement to the file and sees no edit controls`, async () => {
      const grid = await open(PHONE, true);
      await login(grid, ctx, 'grid_worker');
      await openPersons(grid, undefined, true);
      await search(grid, story.idNumber);
      // The found file alone, not a card of the list before the search that is about to move.
      await grid.locator('[data-testid="person-list"][data-total="1"]').waitFor({ state: 'visible' });
      await grid.getByTestId(`person-row-${story.personId}`).click();
      await waitStatus(grid, 'under_control');
      await grid.getByTestId('person-read-only').getByText('仅可添加工作记录').waitFor({ state: 'visible' });
      for (const id of ['person-edit', 'person-actions', 'person-filter-mine']) {
        if (await grid.getByTestId(id).count()) throw new Error(`a grid worker sees ${id}`);
      }
      await grid.getByTestId('person-event-kind').getByText('行踪动态').click();
      await grid.getByTestId('person-event-text').fill('走访其家中，本人已回村居住');
      await grid.getByTestId('person-event-submit').click();
      await grid.getByTestId('person-timeline-movement').getByText('走访其家中，本人已回村居住').waitFor({ state: 'visible' });
      await grid.evaluate(() => window.scrollTo(0, 0));
      await screenshot(grid, ctx, 'persons-grid-phone');
    });

    await report.check(`${label}persons: the file in English`, async () => {
      await officer.goto(`${ctx.baseUrl}/persons/${story.personId}`);
      await waitStatus(officer, 'under_control');
      await officer.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
      await officer.getByTestId('person-detail').getByText('Responsible officer', { exact: true }).waitFor({ state: 'visible' });
      await officer.getByTestId('person-timeline-updated').getByText('Changed: Return plan, Responsible officer').waitFor({ state: 'visible' });
      await officer.getByTestId('person-timeline-movement').getByText('Movement', { exact: true }).waitFor({ state: 'visible' });
      await screenshot(officer, ctx, 'persons-detail-en');
      await officer.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
      await officer.getByTestId('nav-home').getByText('首页', { exact: true }).waitFor({ state: 'visible' });
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}

// Run when started directly; smoke.ts imports personsFlow without running this.
if (startedDirectly(import.meta.url)) process.exit(await runStandalone('persons', personsFlow, { password: 'Persons-e2e-2024' }));
