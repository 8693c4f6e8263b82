/**
 * Browser test of the 宣传 screens (activities, directives with their feedback, coverage) against the real
 * server and its demo city:
 *
 *   npx tsx test/e2e/outreach-flow.ts
 *
 * A few recent cases of one rare fraud type are reported in 城关区 through the API first, so the statistics
 * propose a precision directive there. The center analyst opens 宣传, sees the proposal and issues it with one
 * click (the form comes pre-filled: title, body, 城关区, audience, type, the proposal as basis); were there no
 * proposal, he would issue a daily directive to 城关区 by hand instead. The station officer of 城东派出所 (inside
 * 城关区) finds the directive, records a school activity answering it with a person of the vulnerable register
 * (warned twice through the API) among those reached; the analyst sees the directive done 1/1 with the
 * activity as 城关区's feedback. The analyst enters 城关区's population and app registrations and the coverage
 * shows the rate and the register reached; a member unit's contact records an activity of its own. Last the
 * coverage in English and the activities on a phone. Any browser console error or warning, or any 4xx from
 * the API, fails the check it is in.
 *
 * Standalone (test/e2e/standalone.ts) it builds a dev bundle and starts its own server on a fresh demo city;
 * smoke.ts may run the same flow (outreachFlow) against its servers.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pickByTyping } from './cases-checks.ts';
import { DESKTOP, login, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';
import { runStandalone, startedDirectly } from './standalone.ts';
import { apiSession, pushWarning, type ApiSession } from './warnings-api.ts';

const COUNTY = '149902';
/** Rare in the demo city's mix (1 %), so a handful of recent cases makes it rise. */
const RISING = '冒充军警购物';
const SCHOOL = '示例市第一中学';

interface Story {
  stamp: string;
  /** A number warned twice: on 城东派出所's vulnerable register. */
  vulnerablePhone: string;
  directiveId: number;
  directiveNo: string;
  /** Issued from the statistics' proposal (else a daily one by hand). */
  fromProposal: boolean;
}

async function openOutreach(page: Page, tab?: 'activities' | 'directives' | 'coverage', phone = false): Promise<void> {
  if (phone) await page.getByTestId('open-menu').click();
  await page.getByTestId('nav-outreach').click();
  await page.getByTestId('module-outreach').waitFor({ state: 'visible' });
  if (tab) await page.getByTestId(`outreach-tab-${tab}`).click();
}

interface Proposals {
  items: { orgCode: string; fraudType: string }[];
}

/** Reports recent cases of the rare type in 城关区 until the statistics propose a directive for it (or gives up). */
async function makeProposal(api: ApiSession, stamp: string): Promise<boolean> {
  const proposed = async () => (await api.get<Proposals>('/api/v1/outreach/directives/proposals')).items.some((p) => p.orgCode === COUNTY && p.fraudType === RISING);
  for (let round = 0; round < 3; round++) {
    if (await proposed()) return true;
    for (let i = 0; i < 5; i++) {
      const n = round * 5 + i;
      const at = new Date(api.serverNow().getTime() - (2 + n) * 86_400_000);
      await api.post('/api/v1/cases', {
        source: 'e2e-outreach',
        externalId: `OR-${stamp}-${n}`,
        reportedAt: at.toISOString(),
        victim: { name: '李同学', phone: `137${String(Number(stamp.slice(-6)) * 10 + (n % 10)).padStart(8, '0').slice(-8)}`, age: 19 + (n % 4) },
        regionCode: COUNTY,
        fraudType: RISING,
        narrative: '对方冒充部队采购人员下单，要求受害人先垫付货款后失联。',
        lossAmount: '2000.00',
        transfers: [],
      });
    }
  }
  return proposed();
}

/** The directive the drawer shows once issued: its number and id (from the address). */
async function issuedDirective(page: Page, story: Story): Promise<void> {
  const drawer = page.locator('[data-testid="directive-drawer"][data-targets="1"][data-done="0"]');
  await drawer.waitFor({ state: 'visible' });
  story.directiveNo = (await drawer.getAttribute('data-directive-no')) ?? '';
  story.directiveId = Number(new URL(page.url()).searchParams.get('id'));
  if (!/^XFZL\d+$/.test(story.directiveNo) || !story.directiveId) throw new Error(`no directive number: "${story.directiveNo}" (${page.url()})`);
  await drawer.locator(`[data-testid="directive-unit-${COUNTY}"][data-done="false"]`).waitFor({ state: 'visible' });
}

async function issueFromProposal(analyst: Page, ctx: Ctx, story: Story): Promise<void> {
  const key = `${COUNTY}-${RISING}`;
  await analyst.getByTestId(`proposal-${key}`).waitFor({ state: 'visible' });
  await screenshot(analyst, ctx, 'outreach-proposals');
  await analyst.getByTestId(`proposal-issue-${key}`).click();
  const modal = analyst.getByTestId('directive-issue');
  await modal.waitFor({ state: 'visible' });
  await modal.getByTestId('directive-issue-basis').getByText(/冒充军警购物类案件近四周 \d+ 起/).waitFor({ state: 'visible' });
  const title = await modal.getByTestId('directive-title').inputValue();
  if (!title.includes('城关区') || !title.includes('冒充军警购物')) throw new Error(`the title was not composed from the proposal: "${title}"`);
  if (!(await modal.getByTestId('directive-body').inputValue()).includes('精准宣防')) throw new Error('the body was not composed from the proposal');
  await modal.getByTestId('directive-targets').getByText('城关区', { exact: true }).waitFor({ state: 'visible' });
  await modal.locator('input[value="precision"]:checked').waitFor({ state: 'attached' });
  await screenshot(analyst, ctx, 'outreach-issue');
  await analyst.getByTestId('directive-issue-submit').click();
  await modal.waitFor({ state: 'hidden' });
  await issuedDirective(analyst, story);
  await analyst.getByTestId('directive-basis').waitFor({ state: 'visible' });
}

/** No proposal from the statistics: a daily directive to 城关区 written by hand. */
async function issueDaily(analyst: Page, story: Story): Promise<void> {
  await analyst.getByTestId('directive-new').click();
  const modal = analyst.getByTestId('directive-issue');
  await modal.waitFor({ state: 'visible' });
  await pickByTyping(analyst, 'directive-targets', '城关区');
  await modal.getByTestId('directive-targets').getByText('城关区', { exact: true }).waitFor({ state: 'visible' });
  await modal.getByTestId('directive-title').fill(`日常宣防：防范冒充军警购物诈骗 ${story.stamp}`);
  await modal.getByTestId('directive-body').fill('请各派出所近期进校园、进社区开展反诈宣传，重点讲解冒充军警购物类诈骗的手法，并登记宣传活动反馈。');
  await analyst.getByTestId('directive-issue-submit').click();
  await modal.waitFor({ state: 'hidden' });
  await issuedDirective(analyst, story);
}

/** The station officer answers the directive with a school activity reaching the vulnerable person. */
async function recordForDirective(officer: Page, ctx: Ctx, story: Story): Promise<void> {
  await openOutreach(officer, 'directives');
  const row = officer.locator(`[data-testid="directive-table"] [data-testid="directive-row-${story.directiveId}"][data-done="0"]`);
  await row.waitFor({ state: 'visible' });
  await screenshot(officer, ctx, 'outreach-directives-station');
  await officer.getByTestId(`directive-handle-${story.directiveId}`).click();
  await officer.getByTestId('directive-mine').getByText(/城关区须于 .* 前反馈/).waitFor({ state: 'visible' });
  await officer.getByTestId('directive-record-activity').click();
  const form = officer.getByTestId('activity-form');
  await form.waitFor({ state: 'visible' });
  // The directive fills in what it asks for.
  await form.getByTestId('activity-directive').getByText(story.directiveNo, { exact: false }).waitFor({ state: 'visible' });
  if (story.fromProposal) await form.getByTestId('activity-topics').getByText('冒充军警购物', { exact: false }).waitFor({ state: 'visible' });
  await form.getByTestId('activity-venue-school').click();
  await form.getByTestId('activity-place').fill(SCHOOL);
  await form.getByTestId('activity-people').fill('320');
  await form.getByTestId('activity-material-add').click();
  await form.getByTestId('activity-material-kind-0').locator('input').fill('宣传册');
  await form.getByTestId('activity-material-count-0').fill('300');
  await form.getByTestId('activity-phones').fill(`${story.vulnerablePhone}\n`);
  await form.locator('[data-testid="activity-phones-count"][data-count="1"]').waitFor({ state: 'visible' });
  await screenshot(officer, ctx, 'outreach-activity-form');
  await officer.getByTestId('activity-submit').click();
  await form.waitFor({ state: 'hidden' });
  const activity = officer.locator(`[data-testid="activity-table"] tr[data-place="${SCHOOL}"]`);
  await activity.waitFor({ state: 'visible' });
  await activity.getByText(story.directiveNo).waitFor({ state: 'visible' });
  await activity.getByText('学校').waitFor({ state: 'visible' });
  await screenshot(officer, ctx, 'outreach-activities-station');
}

export async function outreachFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    const c = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return newWatchedPage(c, ctx);
  };
  const stamp = String(Date.now()).slice(-8);
  const story: Story = { stamp, vulnerablePhone: `139${stamp}`, directiveId: 0, directiveNo: '', fromProposal: false };
  try {
    const analyst = await open(DESKTOP);
    const officer = await open(DESKTOP);

    let ok = await report.check(`${label}outreach: the analyst sees the statistics' proposal for 城关区 and issues it as a precision directive`, async () => {
      const api = await apiSession(ctx.baseUrl, 'demo-center_analyst', ctx.password);
      story.fromProposal = await makeProposal(api, stamp);
      // Warned twice: the number goes on 城东派出所's vulnerable register.
      await pushWarning(api, `e2e-or-${stamp}-1`, story.vulnerablePhone);
      await pushWarning(api, `e2e-or-${stamp}-2`, story.vulnerablePhone);
      await login(analyst, ctx, 'center_analyst');
      await openOutreach(analyst, 'directives');
      await analyst.locator('[data-testid="proposals"]:not([data-count=""])').waitFor({ state: 'visible' });
      if (story.fromProposal) await issueFromProposal(analyst, ctx, story);
      else await issueDaily(analyst, story);
      await screenshot(analyst, ctx, 'outreach-directive-issued');
    });
    if (!ok) return;

    ok = await report.check(`${label}outreach: the station officer of 城东派出所 records a school activity answering it`, async () => {
      await login(officer, ctx, 'station_officer');
      await recordForDirective(officer, ctx, story);
    });

    if (ok)
      await report.check(`${label}outreach: the analyst sees the directive done 1/1, the activity as 城关区's feedback`, async () => {
        await analyst.getByTestId('directive-drawer').locator('.ant-drawer-close').click();
        await analyst.getByTestId('directives-view-all').click();
        await analyst.locator(`[data-testid="directive-row-${story.directiveId}"][data-done="1"][data-targets="1"]`).waitFor({ state: 'visible' });
        await analyst.getByTestId(`directive-open-${story.directiveId}`).click();
        const drawer = analyst.locator('[data-testid="directive-drawer"][data-done="1"]');
        await drawer.waitFor({ state: 'visible' });
        await drawer.locator(`[data-testid="directive-unit-${COUNTY}"][data-done="true"]`).getByText(/宣传活动 #\d+/).waitFor({ state: 'visible' });
        if (story.fromProposal) await analyst.getByTestId(`proposal-issued-${COUNTY}-${RISING}`).getByText(story.directiveNo, { exact: false }).waitFor({ state: 'attached' });
        await screenshot(analyst, ctx, 'outreach-directive-done');
        await drawer.locator('.ant-drawer-close').click();
        await drawer.waitFor({ state: 'hidden' });
      });

    await report.check(`${label}outreach: the analyst enters 城关区's population and app registrations; the coverage shows the rate`, async () => {
      await openOutreach(analyst, 'coverage');
      await analyst.getByTestId(`coverage-row-${COUNTY}`).waitFor({ state: 'visible' });
      await pickByTyping(analyst, 'figures-org', '城关区 149902');
      await analyst.getByTestId('figures-stored-population').waitFor({ state: 'visible' });
      await analyst.getByTestId('figures-population').fill('200000');
      await analyst.getByTestId('figures-app').fill('110000');
      await analyst.getByTestId('figures-submit').click();
      const row = analyst.locator(`[data-testid="coverage-row-${COUNTY}"][data-app-rate="55.0%"]`);
      await row.waitFor({ state: 'visible' });
      await row.getByText('200,000').waitFor({ state: 'visible' });
      // The school activity reached the one person of the register.
      await analyst.locator(`[data-testid="coverage-row-${COUNTY}"][data-reached="1"]`).waitFor({ state: 'visible' });
      await analyst.getByTestId('figures-stored-app').getByText(/已录入：110,000/).waitFor({ state: 'visible' });
      await analyst.evaluate(() => window.scrollTo(0, 0));
      await screenshot(analyst, ctx, 'outreach-coverage');
    });

    await report.check(`${label}outreach: a member unit's contact records an activity of its own`, async () => {
      const member = await open(DESKTOP);
      await login(member, ctx, 'member_contact');
      await openOutreach(member);
      const total = member.locator('[data-testid="activity-stat-total"]:not([data-value=""])');
      await total.waitFor({ state: 'visible' });
      const before = Number(await total.getAttribute('data-value'));
      await member.getByTestId('activity-new').click();
      const form = member.getByTestId('activity-form');
      await form.waitFor({ state: 'visible' });
      await form.getByTestId('activity-venue-company').click();
      await form.getByTestId('activity-place').fill('人民银行营业大厅');
      await form.getByTestId('activity-people').fill('80');
      await screenshot(member, ctx, 'outreach-activity-form-member');
      await member.getByTestId('activity-submit').click();
      await form.waitFor({ state: 'hidden' });
      await member.locator('[data-testid="activity-table"] tr[data-place="人民银行营业大厅"]').getByText('普通群众').waitFor({ state: 'visible' });
      await member.locator(`[data-testid="activity-stat-total"][data-value="${before + 1}"]`).waitFor({ state: 'visible' });
      await screenshot(member, ctx, 'outreach-activities-member');
    });

    await report.check(`${label}outreach: the coverage in English, and the activities and directives on a 390×844 phone`, async () => {
      await analyst.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
      await analyst.getByTestId('module-outreach').getByRole('heading', { name: 'Outreach', exact: true }).waitFor({ state: 'visible' });
      await analyst.getByTestId('coverage-table').getByRole('columnheader', { name: 'App registration rate', exact: true }).waitFor({ state: 'visible' });
      await analyst.getByTestId('figures').getByText('Population and app registrations', { exact: true }).waitFor({ state: 'visible' });
      await analyst.evaluate(() => window.scrollTo(0, 0));
      await screenshot(analyst, ctx, 'outreach-coverage-en');
      await analyst.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
      await analyst.getByTestId('nav-home').getByText('首页', { exact: true }).waitFor({ state: 'visible' });

      const page = await open(PHONE, true);
      await login(page, ctx, 'station_officer');
      await openOutreach(page, undefined, true);
      await page.locator(`[data-testid="activity-cards"] [data-place="${SCHOOL}"]`).waitFor({ state: 'visible' });
      await screenshot(page, ctx, 'outreach-activities-phone');
      await page.getByTestId('outreach-tab-directives').click();
      await page.getByTestId('directives-view-all').click();
      await page.locator(`[data-testid="directive-cards"] [data-testid="directive-row-${story.directiveId}"][data-done="1"]`).waitFor({ state: 'visible' });
      await screenshot(page, ctx, 'outreach-directives-phone');
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}

// Run when started directly; smoke.ts may import outreachFlow without running this.
if (startedDirectly(import.meta.url)) process.exit(await runStandalone('outreach', outreachFlow, { password: 'Outreach-e2e-2024' }));
