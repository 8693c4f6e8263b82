/**
 * Browser test of the 断卡 screens (leads, joint punishment, appeals, partners' checks) against the real
 * server and its demo city:
 *
 *   npx tsx test/e2e/cards-flow.ts
 *
 * A center analyst pastes a ministry list with a header row: a bank card for 城东派出所 (the demo station), a
 * phone card for 河东区 and a row whose ID number fails its check digit, which comes back refused on that
 * row while the other two land; fixed in the box, only that row is sent again and lands. The station officer starts verifying the first lead, reveals its holder
 * (audited), closes it with "提请联合惩戒" and proposes the punishment from it: the findings' rule refuses
 * zero findings on the spot and accepts 3 cards. The center leader approves; the officer opens the printable
 * notice in a new tab (it shows the notice number) and records its delivery. The CMCC liaison finds the
 * person in a check of customers' ID numbers and forwards an appeal; the analyst accepts and reviews it, the
 * leader upholds it, and the punishment shows 已解除. Then neither the CMCC nor the ICBC liaison finds the
 * person any more, the opener ranking lists the branch and the outlet, and the queue and a punishment are
 * shown on a phone and in English. Then the ICBC liaison reports a restriction on an account (a resend of
 * its own reference is said to be a duplicate), records the customer's appeal, accepts, reviews and upholds
 * it, and the restriction shows 已解除; the analyst finds both appeals in the queue with their deadlines. The
 * analyst summons an ICBC branch from a flagged ranking row (leads are added through the API first if the
 * demo city left it below the threshold); the ICBC liaison reads the notice with its figures and replies; the
 * analyst's bell leads to the reply and the replied count has gone up. Any browser console error or
 * warning, or any 4xx from the API, fails the check it is in.
 *
 * Standalone it builds a fresh web bundle into a temporary directory (E2E_BUNDLE=dev, the default, keeps
 * React's and antd's runtime warnings; E2E_BUNDLE=prod builds what ships) and starts its own server, or
 * uses a running one with E2E_BASE_URL and E2E_PASSWORD (its demo password). smoke.ts runs the same flow
 * (cardsFlow) against its servers. Env: CHROMIUM_PATH, SCREENSHOTS_DIR, KEEP_E2E_DATA=1, E2E_TIMEOUT_MS
 * (default 300000).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { idCheckChar } from '../../src/lib/id-number.ts';
import { cardNumber } from './cases-checks.ts';
import { clickUntil, DESKTOP, login, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';
import { runStandalone, startedDirectly } from './standalone.ts';
import { apiSession } from './warnings-api.ts';

const STATION = '149902001';

/** A valid resident ID number of 城关区 (149902), born 1990, unique per call in a run. */
let idSerial = 0;
function idNumber(): string {
  const seq = String((Date.now() + idSerial++ * 7) % 1000).padStart(3, '0');
  const day = String((idSerial % 28) + 1).padStart(2, '0');
  const first17 = `14990219900${(idSerial % 9) + 1}${day}${seq}`;
  return `${first17}${idCheckChar(first17)}`;
}

/** The same number with a wrong check character: refused by the server. */
function badIdNumber(): string {
  const good = idNumber();
  const wrong = good.endsWith('0') ? '1' : '0';
  return `${good.slice(0, 17)}${wrong}`;
}

interface Story {
  stamp: string;
  idNumber: string;
  leadId: number;
  leadNo: string;
  punishmentId: number;
  noticeNo: string;
  appealId: number;
  restrictionId: number;
  restrictionNo: string;
  restrictionAppealId: number;
  /** The summons issued from the ranking, and the center's replied count before its reply. */
  summonsId: number;
  summonsNo: string;
  replied: number;
}

/** The ICBC branch of 城关区: the imported lead was opened there; the summons goes to it. */
const BRANCH = 'ICBC-149902';

async function openCards(page: Page, tab?: 'leads' | 'import' | 'punishments' | 'restrictions' | 'appeals' | 'accountability' | 'notices'): Promise<void> {
  await page.getByTestId('nav-cards').click();
  await page.getByTestId('module-cards').waitFor({ state: 'visible' });
  if (tab) await page.getByTestId(`cards-tab-${tab}`).click();
}

async function waitStatus(page: Page, testId: string, status: string, timeout = 10_000): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-status="${status}"]`).waitFor({ state: 'visible', timeout });
}

/** Opens a punishment from the list by its notice number, in the given status view. */
async function openPunishment(page: Page, story: Story, view: string): Promise<void> {
  await openCards(page, 'punishments');
  await page.getByTestId(`punishment-view-${view}`).click();
  const row = page.locator(`[data-testid="punishment-table"] tr[data-notice-no="${story.noticeNo}"]`);
  await row.waitFor({ state: 'visible' });
  await row.click();
  await page.locator(`[data-testid="punishment-detail"][data-notice-no="${story.noticeNo}"]`).waitFor({ state: 'visible' });
}

async function importLeads(analyst: Page, ctx: Ctx, story: Story): Promise<void> {
  await openCards(analyst, 'import');
  await analyst.getByTestId('lead-import').waitFor({ state: 'visible' });
  const bad = badIdNumber();
  const rows = [
    ['部级编号', '类型', '卡号/账号', '姓名', '身份证号', '手机号', '开户网点', '核查单位'],
    [`MIN-${story.stamp}-1`, '银行卡', cardNumber('622202'), '王小明', story.idNumber, '13912345678', 'ICBC-149902', STATION],
    [`MIN-${story.stamp}-2`, '电话卡', `138${String(Date.now() % 100_000_000).padStart(8, '0')}`, '李大壮', '', '', 'CMCC-149903-01', '149903'],
    [`MIN-${story.stamp}-3`, '银行卡', cardNumber('622202'), '赵某', bad, '', 'ICBC-149903', '149903'],
  ];
  // As copied from Excel: tab-separated, the header first.
  const text = rows.map((r) => r.join('\t')).join('\n');
  await analyst.getByTestId('import-text').fill(text);
  await analyst.getByTestId('import-count').getByText('读到 3 行').waitFor({ state: 'visible' });
  await analyst.getByTestId('import-count').getByText('已按表头识别列').waitFor({ state: 'visible' });
  await analyst.getByTestId('import-submit').click();
  await analyst.getByTestId('import-summary').getByText('导入 2 条，此前已导入 0 条，未通过 1 条').waitFor({ state: 'visible' });
  // Each row has its result: the first two their lead numbers, the third the reason on its field.
  const first = analyst.locator('[data-testid="import-row-2"][data-result="accepted"]');
  await first.waitFor({ state: 'visible' });
  await analyst.locator('[data-testid="import-row-3"][data-result="accepted"]').waitFor({ state: 'visible' });
  await analyst.locator('[data-testid="import-row-4"][data-result="rejected"]').waitFor({ state: 'visible' });
  await analyst.getByTestId('import-error-4-holderIdNumber').getByText('身份证号：身份证号无效').waitFor({ state: 'visible' });
  const link = first.locator('a[href^="/cards/leads/"]');
  story.leadNo = (await link.textContent())?.trim() ?? '';
  story.leadId = Number(((await link.getAttribute('href')) ?? '').replace('/cards/leads/', ''));
  if (!/^XS\d+$/.test(story.leadNo) || !story.leadId) throw new Error(`no lead number on the first row: "${story.leadNo}"`);
  await screenshot(analyst, ctx, 'cards-import');

  // The refused row fixed in the box: only it is sent again, the two that landed keep their numbers.
  await analyst.getByTestId('import-text').fill(text.replace(bad, idNumber()));
  await analyst.locator('[data-testid="import-row-4"][data-result="pending"]').waitFor({ state: 'visible' });
  await analyst.getByTestId('import-submit').getByText('提交 1 条').waitFor({ state: 'visible' });
  await analyst.getByTestId('import-submit').click();
  await analyst.getByTestId('import-summary').getByText('导入 1 条，此前已导入 0 条，未通过 0 条').waitFor({ state: 'visible' });
  await analyst.locator('[data-testid="import-row-4"][data-result="accepted"]').waitFor({ state: 'visible' });
  if ((await first.locator('a[href^="/cards/leads/"]').textContent())?.trim() !== story.leadNo) throw new Error('the first row lost its lead number');
}

async function verifyAndPropose(officer: Page, ctx: Ctx, story: Story): Promise<void> {
  await openCards(officer);
  const row = officer.locator(`[data-testid="lead-table"] tr[data-lead-no="${story.leadNo}"]`);
  await row.waitFor({ state: 'visible' });
  // Fifteen days to verify, counting down.
  await row.locator('[data-countdown="left"]').getByText(/^剩余 1[45]天/).waitFor({ state: 'visible' });
  await row.getByText('部级下发').waitFor({ state: 'visible' });
  // The other two rows of the list are not this station's.
  if (await officer.locator('[data-testid="lead-table"] tr[data-lead-no]').filter({ hasText: '李大壮' }).count()) throw new Error('the 河东区 lead shows in 城东派出所’s queue');
  await screenshot(officer, ctx, 'cards-leads');
  await officer.getByTestId(`lead-verify-${story.leadId}`).click();
  await officer.locator(`[data-testid="lead-table"] tr[data-lead-no="${story.leadNo}"][data-status="verifying"]`).waitFor({ state: 'visible' });

  await officer.getByTestId(`lead-open-${story.leadId}`).click();
  await waitStatus(officer, 'lead-detail', 'verifying');
  // The holder is masked until the audited reveal.
  await officer.getByTestId('lead-holder-name').getByText('王*明').waitFor({ state: 'visible' });
  await officer.getByTestId('lead-reveal').click();
  await officer.getByTestId('lead-reveal-confirm').click();
  await officer.getByTestId('lead-holder-id').getByText(story.idNumber).waitFor({ state: 'visible' });
  await officer.getByTestId('lead-outcome-open').click();
  await officer.getByTestId('lead-outcome-choice').getByText('提请联合惩戒', { exact: true }).click();
  await officer.getByTestId('lead-outcome-note').fill('本人承认将名下 3 张银行卡出租给他人使用');
  await officer.getByTestId('lead-outcome-submit').click();
  await waitStatus(officer, 'lead-detail', 'closed');
  await officer.getByTestId('lead-outcome').getByText('提请联合惩戒').waitFor({ state: 'visible' });
  await officer.getByTestId('lead-timeline').getByText('核查办结').waitFor({ state: 'visible' });
  await screenshot(officer, ctx, 'cards-lead-detail');

  await officer.getByTestId('lead-propose').click();
  await officer.getByTestId('punishment-propose').waitFor({ state: 'visible' });
  await officer.getByTestId('propose-lead').getByText(story.leadNo).waitFor({ state: 'visible' });
  // The revealed holder fills the person in.
  if ((await officer.getByTestId('propose-name').inputValue()) !== '王小明') throw new Error('the holder’s name was not filled in');
  if ((await officer.getByTestId('propose-id').inputValue()) !== story.idNumber) throw new Error('the holder’s ID number was not filled in');
  // No finding meets a threshold: refused on the spot, with the rule shown.
  await officer.getByTestId('propose-submit').click();
  await officer.getByTestId('propose-refused').waitFor({ state: 'visible' });
  await officer.locator('[data-testid="threshold-rule"][data-met=""]').getByText('出售、出租、出借 3 张（个）以上').waitFor({ state: 'visible' });
  await officer.getByTestId('propose-cards').fill('3');
  await officer.locator('[data-testid="threshold-rule"][data-met="cards"]').getByText('已达到惩戒标准，惩戒期限 2 年').waitFor({ state: 'visible' });
  await officer.getByTestId('propose-refused').waitFor({ state: 'hidden' });
  await officer.getByTestId('propose-note').fill('经落地核查，王小明出租名下银行卡 3 张');
  await officer.evaluate(() => window.scrollTo(0, 0));
  await screenshot(officer, ctx, 'cards-propose');
  await officer.getByTestId('propose-submit').click();
  const detail = officer.locator('[data-testid="punishment-detail"][data-status="proposed"]');
  await detail.waitFor({ state: 'visible' });
  story.noticeNo = (await detail.getAttribute('data-notice-no')) ?? '';
  story.punishmentId = Number(/\/cards\/punishments\/(\d+)$/.exec(officer.url())?.[1]);
  if (!/^CJ\d+$/.test(story.noticeNo) || !story.punishmentId) throw new Error(`no notice number: "${story.noticeNo}"`);
}

async function openAppeal(page: Page, story: Story, status: string): Promise<void> {
  await page.locator(`[data-testid="appeal-${story.appealId}"][data-status="${status}"]`).waitFor({ state: 'visible' });
}

/** The person is (or is no longer) found by a partner's check of customers' ID numbers. */
async function checkMatch(page: Page, story: Story, found: boolean): Promise<void> {
  await page.getByTestId('match-text').fill(`${story.idNumber}\n110101199003074514\n12345`);
  await page.getByTestId('match-count').getByText('读到 2 个身份证号').waitFor({ state: 'visible' });
  await page.getByTestId('match-submit').click();
  if (found) {
    await page.getByTestId('match-some').getByText('核验 2 人：1 人正处于联合惩戒期内').waitFor({ state: 'visible' });
    await page.getByTestId(`match-row-${story.idNumber}`).getByText(story.noticeNo).waitFor({ state: 'visible' });
  } else {
    await page.locator('[data-testid="match-result"][data-matches="0"]').waitFor({ state: 'visible' });
    await page.getByTestId('match-none').getByText('核验 2 人：均不在惩戒期内').waitFor({ state: 'visible' });
  }
}

/** The ICBC liaison reports a restriction on an account, and sends it again: the resend is the same record. */
async function reportRestriction(bank: Page, ctx: Ctx, story: Story): Promise<void> {
  const account = cardNumber('622202');
  const fill = async () => {
    await bank.getByTestId('restriction-new').click();
    await bank.getByTestId('restriction-report').waitFor({ state: 'visible' });
    await bank.getByTestId('report-external-id').fill(`ICBC-XZ-${story.stamp}`);
    await bank.getByTestId('report-identifier').fill(account);
    await bank.getByTestId('report-holder-name').fill('孙明远');
    await bank.getByTestId('report-holder-id').fill(idNumber());
    await bank.getByTestId('report-reason').fill('账户开立后短期内频繁大额快进快出，疑似为他人转移涉诈资金，已限制非柜面业务');
  };
  await openCards(bank, 'restrictions');
  await bank.getByTestId('restriction-list').waitFor({ state: 'visible' });
  await fill();
  await screenshot(bank, ctx, 'cards-restriction-report');
  await bank.getByTestId('report-submit').click();
  const detail = bank.locator('[data-testid="restriction-detail"][data-status="in_force"]');
  await detail.waitFor({ state: 'visible' });
  story.restrictionNo = (await detail.getAttribute('data-restriction-no')) ?? '';
  story.restrictionId = Number(/\/cards\/restrictions\/(\d+)$/.exec(bank.url())?.[1]);
  if (!/^XZ\d+$/.test(story.restrictionNo) || !story.restrictionId) throw new Error(`no restriction number: "${story.restrictionNo}"`);
  await bank.getByTestId('restriction-holder-name').getByText('孙*远').waitFor({ state: 'visible' });
  if (await bank.getByTestId('restriction-duplicate').count()) throw new Error('a first report is said to be a duplicate');
  // The same reference again (a resend after a lost answer): 200 with the stored record, and said so.
  await bank.getByTestId('restriction-back').click();
  await fill();
  await bank.getByTestId('report-submit').click();
  await bank.locator(`[data-testid="restriction-detail"][data-restriction-no="${story.restrictionNo}"]`).waitFor({ state: 'visible' });
  await bank.getByTestId('restriction-duplicate').getByText(`ICBC-XZ-${story.stamp} 此前已报送`).waitFor({ state: 'visible' });
  if (!bank.url().endsWith(`/cards/restrictions/${story.restrictionId}`)) throw new Error(`the resend opened another record: ${bank.url()}`);
}

/** The customer's appeal against the restriction, recorded by the bank: three days to accept it, fifteen to answer. */
async function recordRestrictionAppeal(bank: Page, story: Story): Promise<void> {
  await bank.getByTestId('rappeal-open').click();
  await bank.getByTestId('rappeal-grounds').fill('客户称系本人经营收款，已提供购销合同和发票');
  await bank.getByTestId('rappeal-submit').click();
  const card = bank.locator('[data-testid="rappeals-panel"] [data-testid^="appeal-"][data-status="submitted"]');
  await card.waitFor({ state: 'visible' });
  story.restrictionAppealId = Number(((await card.getAttribute('data-testid')) ?? '').replace('appeal-', ''));
  if (!story.restrictionAppealId) throw new Error('no appeal number after recording it');
  await bank.getByTestId(`appeal-deadline-${story.restrictionAppealId}`).getByText(/^剩余 [23]天/).waitFor({ state: 'visible' });
  await bank.getByTestId(`appeal-dues-${story.restrictionAppealId}`).getByText(/受理期限 .+ · 答复期限 /).waitFor({ state: 'visible' });
}

/** The bank accepts, reviews and upholds the appeal: the restriction is lifted at once. */
async function upholdRestrictionAppeal(bank: Page, ctx: Ctx, story: Story): Promise<void> {
  const appeal = (status: string) => bank.locator(`[data-testid="appeal-${story.restrictionAppealId}"][data-status="${status}"]`).waitFor({ state: 'visible' });
  // The page may have been left a while: fetch it again.
  await bank.reload();
  await appeal('submitted');
  await bank.getByTestId(`rappeal-accept-${story.restrictionAppealId}`).click();
  await appeal('accepted');
  await bank.getByTestId(`rappeal-review-${story.restrictionAppealId}`).click();
  await appeal('reviewing');
  await screenshot(bank, ctx, 'cards-restriction-appeal');
  await bank.getByTestId(`rappeal-answer-open-${story.restrictionAppealId}`).click();
  await bank.getByTestId('rappeal-answer-submit').waitFor({ state: 'visible' });
  // The form has taken the verdict when its warning shows (CI runs submitted the dialog with the verdict empty, or
  // waited for the warning in vain).
  await clickUntil(bank.getByTestId('rappeal-upheld'), bank.locator('.ant-modal .ant-alert-warning'));
  const answer = '经核查，交易有真实经营背景，申诉成立，解除限制';
  await bank.getByTestId('rappeal-answer-text').fill(answer);
  if ((await bank.getByTestId('rappeal-answer-text').inputValue()) !== answer) throw new Error('the answer text did not stay in its field');
  await bank.getByTestId('rappeal-answer-submit').click();
  await bank.locator('[data-testid="restriction-detail"][data-status="lifted"]').waitFor({ state: 'visible' });
  await bank.getByTestId('restriction-detail').getByText('已解除', { exact: true }).first().waitFor({ state: 'visible' });
  await bank.getByTestId('restriction-lifted').getByText(/申诉成立/).waitFor({ state: 'visible' });
  await appeal('upheld');
  await bank.getByTestId('lift-open').waitFor({ state: 'hidden' });
  await screenshot(bank, ctx, 'cards-restriction-lifted');
  await openCards(bank, 'restrictions');
  await bank.locator(`[data-testid="restriction-table"] tr[data-restriction-no="${story.restrictionNo}"][data-status="lifted"]`).waitFor({ state: 'visible' });
  await screenshot(bank, ctx, 'cards-restrictions');
}

/** Tops the branch up to the summons threshold with ministry leads through the API, if the demo city left it below. */
async function flagBranch(ctx: Ctx, story: Story): Promise<void> {
  const api = await apiSession(ctx.baseUrl, 'demo-center_analyst', ctx.password);
  const ranking = await api.get<{ thresholds: { summonAt: number }; items: { code: string; leads: number }[] }>('/api/v1/cards/accountability?kind=bank&limit=500');
  const have = ranking.items.find((r) => r.code === BRANCH)?.leads ?? 0;
  const missing = ranking.thresholds.summonAt - have;
  if (missing <= 0) return;
  const items = Array.from({ length: missing }, (_, i) => ({ source: 'ministry', externalId: `MIN-${story.stamp}-F${i}`, kind: 'bank_account', identifier: cardNumber('622202'), openedAt: BRANCH, orgCode: STATION }));
  const out = await api.post<{ accepted: unknown[]; rejected: unknown[] }>('/api/v1/cards/leads', { items });
  if (out.rejected.length) throw new Error(`leads for the ranking refused: ${JSON.stringify(out.rejected)}`);
}

export async function cardsFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    const c = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return { context: c, page: await newWatchedPage(c, ctx) };
  };
  const story: Story = { stamp: Date.now().toString(36), idNumber: idNumber(), leadId: 0, leadNo: '', punishmentId: 0, noticeNo: '', appealId: 0, restrictionId: 0, restrictionNo: '', restrictionAppealId: 0, summonsId: 0, summonsNo: '', replied: 0 };
  try {
    const analyst = (await open(DESKTOP)).page;
    const officerWindow = await open(DESKTOP);
    const officer = officerWindow.page;
    const leader = (await open(DESKTOP)).page;
    const operator = (await open(DESKTOP)).page;
    const bank = (await open(DESKTOP)).page;

    let ok = await report.check(`${label}cards: the analyst pastes a ministry list; two leads land, a bad ID number is refused on its row and lands once fixed`, async () => {
      await login(analyst, ctx, 'center_analyst');
      await importLeads(analyst, ctx, story);
    });
    if (!ok) return;

    ok = await report.check(`${label}cards: the station officer verifies the lead, reveals the holder, closes it with 提请联合惩戒 and proposes 3 cards (zero refused by the rule)`, async () => {
      await login(officer, ctx, 'station_officer');
      await verifyAndPropose(officer, ctx, story);
    });
    if (!ok) return;

    ok = await report.check(`${label}cards: the center leader approves the proposal; the measure is in force`, async () => {
      await login(leader, ctx, 'center_leader');
      // A leader's punishments open on the proposals waiting for a decision.
      await openCards(leader, 'punishments');
      await leader.locator(`[data-testid="punishment-table"] tr[data-notice-no="${story.noticeNo}"][data-status="proposed"]`).click();
      await waitStatus(leader, 'punishment-detail', 'proposed');
      await leader.getByTestId('decision-approve').click();
      await leader.getByTestId('decision-note').fill('同意');
      await leader.getByTestId('decision-submit').click();
      await waitStatus(leader, 'punishment-detail', 'active');
      await leader.getByTestId('punishment-detail').getByText('惩戒中', { exact: true }).waitFor({ state: 'visible' });
      await leader.getByTestId('punishment-timeline').getByText('批准实施').waitFor({ state: 'visible' });
      await screenshot(leader, ctx, 'cards-punishment-approved');
    });
    if (!ok) return;

    ok = await report.check(`${label}cards: the officer opens the printable notice in a new tab (its number shows) and records the delivery`, async () => {
      await officer.reload();
      await waitStatus(officer, 'punishment-detail', 'active');
      await officer.getByTestId('deliver-hint').waitFor({ state: 'visible' });
      const [notice] = await Promise.all([officerWindow.context.waitForEvent('page'), officer.getByTestId('notice-open').click()]);
      await notice.waitForLoadState('domcontentloaded');
      await notice.getByText('联合惩戒告知书').waitFor({ state: 'visible' });
      await notice.getByText(story.noticeNo, { exact: true }).waitFor({ state: 'visible' });
      await notice.getByText(`王小明（公民身份号码 ${story.idNumber}）`).waitFor({ state: 'visible' });
      await screenshot(notice, ctx, 'cards-notice');
      await notice.close();
      await officer.getByTestId('delivery-open').click();
      await officer.getByTestId('delivery-method-in_person').click();
      await officer.getByTestId('delivery-submit').click();
      await officer.getByTestId('punishment-delivery').getByText('已送达（当面送达）').waitFor({ state: 'visible' });
      await officer.getByTestId('deliver-hint').waitFor({ state: 'hidden' });
      await screenshot(officer, ctx, 'cards-punishment-delivered');
    });
    if (!ok) return;

    ok = await report.check(`${label}cards: the CMCC liaison finds the customer under a measure and forwards an appeal by ID number`, async () => {
      await login(operator, ctx, 'operator_liaison');
      await operator.getByTestId('nav-cards').click();
      await operator.getByTestId('partner-page').waitFor({ state: 'visible' });
      await checkMatch(operator, story, true);
      await screenshot(operator, ctx, 'cards-partner-match');
      await operator.getByTestId(`match-appeal-${story.idNumber}`).click();
      if ((await operator.getByTestId('appeal-id').inputValue()) !== story.idNumber) throw new Error('the appeal form did not take the ID number');
      await operator.getByTestId('appeal-grounds').fill('客户称其银行卡系被他人盗用，并非本人出租，已提供报警回执');
      await operator.getByTestId('appeal-submit').click();
      const sent = operator.locator('[data-testid^="appeal-sent-"]').first();
      await sent.waitFor({ state: 'visible' });
      story.appealId = Number(((await sent.getAttribute('data-testid')) ?? '').replace('appeal-sent-', ''));
      if (!story.appealId) throw new Error('no appeal number after forwarding');
      await screenshot(operator, ctx, 'cards-partner-appeal');
    });
    if (!ok) return;

    ok = await report.check(`${label}cards: the analyst accepts the appeal and puts it under review`, async () => {
      await openPunishment(analyst, story, 'active');
      await openAppeal(analyst, story, 'submitted');
      await analyst.getByTestId(`appeal-${story.appealId}`).getByText('银行/运营商转交').waitFor({ state: 'visible' });
      // Three days to accept, fifteen to answer: the acceptance counts down first.
      await analyst.getByTestId(`appeal-dues-${story.appealId}`).getByText(/^受理期限 .+ · 答复期限 /).waitFor({ state: 'visible' });
      await analyst.getByTestId(`appeal-deadline-${story.appealId}`).getByText(/^剩余 [23]天/).waitFor({ state: 'visible' });
      await analyst.getByTestId(`appeal-accept-${story.appealId}`).click();
      await openAppeal(analyst, story, 'accepted');
      await analyst.getByTestId(`appeal-review-${story.appealId}`).click();
      await openAppeal(analyst, story, 'reviewing');
      await screenshot(analyst, ctx, 'cards-appeal-review');
    });
    if (!ok) return;

    ok = await report.check(`${label}cards: the leader upholds the appeal; the punishment shows 已解除`, async () => {
      await leader.reload();
      await openAppeal(leader, story, 'reviewing');
      await leader.getByTestId(`appeal-answer-open-${story.appealId}`).click();
      await clickUntil(leader.getByTestId('appeal-upheld'), leader.locator('.ant-radio-button-wrapper-checked [data-testid="appeal-upheld"]'));
      await leader.getByTestId('appeal-answer-text').fill('经复核，该卡系被他人盗用，申诉成立');
      await leader.getByTestId('appeal-answer-submit').click();
      await waitStatus(leader, 'punishment-detail', 'lifted');
      await leader.getByTestId('punishment-detail').getByText('已解除', { exact: true }).waitFor({ state: 'visible' });
      await leader.getByTestId('punishment-lifted').getByText(/申诉成立/).waitFor({ state: 'visible' });
      await openAppeal(leader, story, 'upheld');
      await screenshot(leader, ctx, 'cards-punishment-lifted');
    });
    if (!ok) return;

    await report.check(`${label}cards: neither the CMCC nor the ICBC liaison finds the ID number any more`, async () => {
      await checkMatch(operator, story, false);
      await login(bank, ctx, 'bank_liaison');
      await bank.getByTestId('nav-cards').click();
      await bank.getByTestId('partner-page').waitFor({ state: 'visible' });
      await checkMatch(bank, story, false);
      await screenshot(bank, ctx, 'cards-partner-bank');
      // And through the partners' API, as a bank's own system asks.
      const api = await apiSession(ctx.baseUrl, 'demo-bank_liaison', ctx.password);
      const out = await api.post<{ items: unknown[] }>('/api/v1/partner/punishments/match', { idNumbers: [story.idNumber] });
      if (out.items.length !== 0) throw new Error(`the bank's API check still finds the person: ${JSON.stringify(out.items)}`);
    });

    await report.check(`${label}cards: the opener ranking lists the ICBC branch and the CMCC outlet`, async () => {
      await openCards(analyst, 'accountability');
      const branch = analyst.locator('[data-testid="rank-table"] tr[data-testid="rank-row-ICBC-149902"]');
      await branch.waitFor({ state: 'visible' });
      await branch.getByText('工商银行城关区支行').waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'cards-accountability');
      await analyst.getByTestId('rank-kind-operator').click();
      await analyst.locator('[data-testid="rank-table"] tr[data-testid="rank-row-CMCC-149903-01"]').waitFor({ state: 'visible' });
    });

    const signedIn = async (page: Page, role: 'bank_liaison' | 'center_analyst') => {
      // A check above may have failed before signing in.
      if (!page.url().startsWith(ctx.baseUrl) || page.url().includes('/login')) await login(page, ctx, role);
    };

    ok = await report.check(`${label}cards: the ICBC liaison reports a restriction (a resend is the same record) and records the customer's appeal`, async () => {
      await signedIn(bank, 'bank_liaison');
      // Partners have the bell too.
      await bank.getByTestId('notice-bell').waitFor({ state: 'visible' });
      await reportRestriction(bank, ctx, story);
      await recordRestrictionAppeal(bank, story);
    });

    if (ok) {
      await report.check(`${label}cards: the analyst finds the appeal in the queue, waiting to be accepted, and opens the restriction read-only`, async () => {
        await signedIn(analyst, 'center_analyst');
        await openCards(analyst, 'appeals');
        await analyst.getByTestId('appeal-queue').waitFor({ state: 'visible' });
        await analyst.getByTestId('appeals-subject-restriction').click();
        const row = analyst.locator(`[data-testid="appeal-table"] tr[data-testid="appeal-row-${story.restrictionAppealId}"][data-subject="restriction"][data-status="submitted"]`);
        await row.waitFor({ state: 'visible' });
        await row.getByText('待受理（3 日内）').waitFor({ state: 'visible' });
        await row.locator('[data-countdown="left"]').getByText(/^剩余 [23]天/).waitFor({ state: 'visible' });
        await row.getByText('机构登记').waitFor({ state: 'visible' });
        await screenshot(analyst, ctx, 'cards-appeals');
        await analyst.getByTestId(`appeal-subject-${story.restrictionAppealId}`).click();
        await analyst.locator(`[data-testid="restriction-detail"][data-restriction-no="${story.restrictionNo}"][data-status="in_force"]`).waitFor({ state: 'visible' });
        await analyst.getByTestId('rappeals-panel').getByText('等待采取措施的机构受理、审核和答复').waitFor({ state: 'visible' });
        if (await analyst.getByTestId('lift-open').count()) throw new Error('the center may lift a bank’s restriction');
        if (await analyst.getByTestId(`rappeal-accept-${story.restrictionAppealId}`).count()) throw new Error('the center may accept an appeal against a bank’s restriction');
        await screenshot(analyst, ctx, 'cards-restriction-center');
      });

      await report.check(`${label}cards: the ICBC liaison accepts, reviews and upholds the appeal; the restriction shows 已解除`, async () => {
        await upholdRestrictionAppeal(bank, ctx, story);
      });
    }

    ok = await report.check(`${label}cards: the analyst summons ${BRANCH} from its flagged ranking row; the notice shows beside the row`, async () => {
      await flagBranch(ctx, story);
      await signedIn(analyst, 'center_analyst');
      await openCards(analyst, 'accountability');
      const row = analyst.locator(`[data-testid="rank-table"] tr[data-testid="rank-row-${BRANCH}"]`);
      await row.locator('[data-action="summon"], [data-action="suspend"]').first().waitFor({ state: 'visible' });
      await analyst.getByTestId(`rank-issue-${BRANCH}`).click();
      await analyst.getByTestId('issue-submit').waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'cards-rank-issue');
      await analyst.getByTestId('issue-kind-summons').click();
      await analyst.getByTestId('issue-submit').click();
      const notice = analyst.getByTestId(`rank-notice-${BRANCH}`);
      await notice.getByText('已发约谈通知').waitFor({ state: 'visible' });
      story.summonsId = Number(/id=(\d+)/.exec((await notice.getAttribute('href')) ?? '')?.[1]);
      if (!story.summonsId) throw new Error('no notice link beside the row');
      await screenshot(analyst, ctx, 'cards-accountability-notice');
      // The notice with the ranking's figures, and the counts before the reply.
      await notice.click();
      await analyst.locator(`[data-testid="notice-drawer"] [data-testid="notice-basis"]`).getByText(BRANCH, { exact: false }).waitFor({ state: 'visible' });
      await analyst.getByTestId('notice-body').getByText(/接受约谈/).waitFor({ state: 'visible' });
      story.summonsNo = (await analyst.getByTestId(`notice-row-${story.summonsId}`).getAttribute('data-notice-no')) ?? '';
      story.replied = Number(await analyst.locator('[data-testid="notice-stat-replied"]:not([data-value=""])').getAttribute('data-value'));
      if (!/^TSH\d+$/.test(story.summonsNo)) throw new Error(`no notice number: "${story.summonsNo}"`);
      await screenshot(analyst, ctx, 'cards-notices');
    });

    if (ok) {
      await report.check(`${label}cards: the ICBC liaison reads the summons with its figures and replies; the analyst's bell leads to the reply and the replied count went up`, async () => {
        await signedIn(bank, 'bank_liaison');
        await openCards(bank, 'notices');
        const row = (state: string) => bank.locator(`[data-testid="notice-table"] tr[data-testid="notice-row-${story.summonsId}"][data-state="${state}"]`);
        await row('open').waitFor({ state: 'visible' });
        await bank.getByTestId(`notice-reply-open-${story.summonsId}`).click();
        await bank.getByTestId('notice-drawer').getByTestId('notice-basis').waitFor({ state: 'visible' });
        await bank.getByTestId('notice-reply-text').fill('已约谈城关区支行负责人，对近一年新开账户逐户回访，暂停该网点批量开户，整改报告另行报送。');
        await screenshot(bank, ctx, 'cards-notice-reply');
        await bank.getByTestId('notice-reply-submit').click();
        await bank.getByTestId('notice-reply').getByText(/回复/).waitFor({ state: 'visible' });
        await bank.getByTestId('notice-reply-text').waitFor({ state: 'detached' });
        await row('replied').waitFor({ state: 'visible' });

        // The center hears of the reply through the bell, which opens the notice.
        await analyst.goto(`${ctx.baseUrl}/cards/notices`);
        await analyst.getByTestId('notice-bell').click();
        const item = analyst.locator('[data-testid="notices"] [data-target-type="unit_notice"]').filter({ hasText: `${story.summonsNo} 已回复` }).first();
        await clickUntil(item, analyst.locator(`[data-testid="notice-drawer"]`));
        await analyst.waitForURL((u) => u.pathname === '/cards/notices' && u.searchParams.get('id') === String(story.summonsId));
        await analyst.getByTestId('notice-reply').getByText(/已约谈城关区支行负责人/).waitFor({ state: 'visible' });
        await analyst.locator(`[data-testid="notice-stat-replied"][data-value="${story.replied + 1}"]`).waitFor({ state: 'visible' });
        await analyst.keyboard.press('Escape');
        await analyst.getByTestId('notice-drawer').waitFor({ state: 'hidden' });
      });
    }

    await report.check(`${label}cards: the queue and a punishment on a 390×844 phone, and the module in English`, async () => {
      const page = (await open(PHONE, true)).page;
      await login(page, ctx, 'station_officer');
      await page.getByTestId('open-menu').click();
      await page.getByTestId('nav-cards').click();
      await page.getByTestId('lead-quick-all').click();
      await page.locator(`[data-testid="lead-cards"] [data-lead-no="${story.leadNo}"]`).waitFor({ state: 'visible' });
      await screenshot(page, ctx, 'cards-leads-phone');
      await page.goto(`${ctx.baseUrl}/cards/punishments/${story.punishmentId}`);
      await waitStatus(page, 'punishment-detail', 'lifted');
      await screenshot(page, ctx, 'cards-punishment-phone');
      await page.goto(`${ctx.baseUrl}/cards/appeals?view=all`);
      await page.locator(`[data-testid="appeal-cards"] [data-testid="appeal-row-${story.appealId}"]`).waitFor({ state: 'visible' });
      await screenshot(page, ctx, 'cards-appeals-phone');

      await analyst.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
      await openPunishment(analyst, story, 'lifted');
      await analyst.getByTestId('punishment-detail').getByText('Lifted', { exact: true }).waitFor({ state: 'visible' });
      await analyst.getByTestId('appeals-panel').getByText('Upheld', { exact: true }).first().waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'cards-punishment-en');
      await analyst.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
      await analyst.getByTestId('nav-home').getByText('首页', { exact: true }).waitFor({ state: 'visible' });
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}

// Run when started directly; smoke.ts imports cardsFlow without running this.
if (startedDirectly(import.meta.url)) process.exit(await runStandalone('cards', cardsFlow, { password: 'Cards-e2e-2024' }));
