/**
 * Browser test of the cases (案件) and funds (资金) screens against the real server and its demo city:
 *
 *   npx tsx test/e2e/cases-flow.ts
 *
 * A center analyst takes a hotline report with the keyboard: the victim, the narrative, a transfer list
 * pasted into the form (one transfer to an ICBC card, "中国工商银行"), Enter for a next row, a refusal
 * placed on the right cell (a "receiving" account that is the victim's own), then Ctrl+Enter.
 * The case opens with the Luhn warning of the victim's card and a pending stop-payment to ICBC. The ICBC
 * liaison, whose queue is open in a second browser, sees the request arrive without a reload, answers
 * "stopped" with an amount and pastes two onward flows; the analyst's case page then shows two proposed
 * next-hop requests by itself, the trace tab draws the graph and lists them, and one click sends them.
 * Then the list on a phone. Any browser console error or warning fails the check it is in.
 *
 * Standalone it builds a fresh web bundle into a temporary directory (E2E_BUNDLE=dev, the default, keeps
 * React's and antd's runtime warnings; E2E_BUNDLE=prod builds what ships) and starts its own server.
 * smoke.ts runs the same flow (casesFlow) against its servers. Env: CHROMIUM_PATH, SCREENSHOTS_DIR,
 * KEEP_E2E_DATA=1, E2E_TIMEOUT_MS (default 300000).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cardNumber, chinaTime, openModule, pickByTyping, stopRows, testMobile, waitStopRows } from './cases-checks.ts';
import { closePopup, DESKTOP, login, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';
import { runStandalone, startedDirectly } from './standalone.ts';
import { apiSession } from './warnings-api.ts';
import { assertNotReloaded, markDocument } from './warnings-checks.ts';

/** The victim's own card: its check digit is wrong on purpose, so the server answers with a Luhn warning. */
const VICTIM_CARD = '6222020200112233445';

interface Story {
  caseId: number;
  caseNo: string;
  icbcAccount: string;
  transferAt: Date;
  requestId: number;
  freezeId: number;
  returnId: number;
}

async function fillIntake(page: Page, ctx: Ctx, icbcAccount: string, transferAt: Date): Promise<void> {
  await page.getByTestId('case-new').click();
  await page.getByTestId('case-intake').waitFor({ state: 'visible' });
  await pickByTyping(page, 'intake-region', '城关');
  await page.getByTestId('intake-victim-name').fill('李秀梅');
  await page.keyboard.press('Tab');
  await page.keyboard.type(testMobile());
  await page.getByTestId('intake-narrative').fill('受害人在网上看到兼职刷单广告，按对方要求在APP上做任务垫付资金，连单后被告知操作失误无法提现。');
  // The list as copied from Excel: tab-separated, the time in China time as people write it.
  const row = [VICTIM_CARD, '工商银行', VICTIM_CARD, '中国工商银行', '张伟', '15,000.00', chinaTime(transferAt)].join('\t');
  await page.getByTestId('transfer-paste-text').fill(row);
  await page.getByTestId('transfer-paste-parse').click();
  await page.getByTestId('transfer-paste-result').getByText('已添加 1 行').waitFor({ state: 'visible' });
  const amount = page.getByTestId('transfer-0-amount');
  if ((await amount.inputValue()) !== '15000.00') throw new Error(`pasted amount reads ${await amount.inputValue()}`);
  // The loss follows the transfers.
  if ((await page.getByTestId('intake-loss').inputValue()) !== '15000.00') throw new Error('the loss did not follow the transfers');

  // Enter in a row opens the next one, the victim's card carried over.
  await amount.focus();
  await page.keyboard.press('Enter');
  const next = page.getByTestId('transfer-1-toAccount');
  await next.waitFor({ state: 'visible' });
  if (!(await next.evaluate((el) => el === document.activeElement))) throw new Error('Enter did not move to the next row');
  if ((await page.getByTestId('transfer-1-fromAccount').inputValue()) !== VICTIM_CARD) throw new Error('the victim’s card was not carried over');

  // The pasted row names the victim's own card as the receiver: refused on that cell, nothing is sent.
  await page.keyboard.press('Control+Enter');
  const cell = page.locator('[data-testid="transfer-table"] .ant-form-item-explain-error', { hasText: '收款账号与受害人自己的付款账号相同' });
  await cell.waitFor({ state: 'visible', timeout: 10_000 });
  if (await page.getByTestId('transfer-1-toAccount').count()) throw new Error('the blank row was not dropped before submitting');
  await page.getByTestId('transfer-0-toAccount').fill(icbcAccount);
  await cell.waitFor({ state: 'hidden' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, ctx, 'cases-intake');
  await page.getByTestId('transfer-0-toAccount').focus();
  await page.keyboard.press('Control+Enter');
}

export async function casesFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    // China time, as the analysts and banks work in: pasted times and shown times then read alike.
    const c = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return newWatchedPage(c, ctx);
  };
  try {
    const analyst = await open(DESKTOP);
    const bank = await open(DESKTOP);
    let ok = await report.check(`${label}cases: the analyst opens the cases module, the ICBC liaison the stop-payment queue`, async () => {
      await login(analyst, ctx, 'center_analyst');
      await openModule(analyst, 'cases', 'true');
      await analyst.getByTestId('case-table').waitFor({ state: 'visible' });
      await login(bank, ctx, 'bank_liaison');
      // The stream is open to partners too: the bank's queue follows it.
      await openModule(bank, 'funds', 'true');
      await bank.getByTestId('request-table').waitFor({ state: 'visible' });
      await markDocument(bank);
    });
    if (!ok) return;

    const api = await apiSession(ctx.baseUrl, 'demo-center_analyst', ctx.password);
    const story: Story = { caseId: 0, caseNo: '', icbcAccount: cardNumber('621226'), transferAt: new Date(api.serverNow().getTime() - 60 * 60_000), requestId: 0, freezeId: 0, returnId: 0 };
    ok = await report.check(`${label}cases: hotline intake with a pasted transfer list, Enter for a row, an error on its cell, Ctrl+Enter → case with a pending stop-payment to ICBC`, async () => {
      await fillIntake(analyst, ctx, story.icbcAccount, story.transferAt);
      await analyst.waitForURL(/\/cases\/\d+$/, { timeout: 15_000 });
      const detail = analyst.getByTestId('case-detail');
      await detail.waitFor({ state: 'visible' });
      story.caseId = Number(/\/cases\/(\d+)$/.exec(analyst.url())?.[1]);
      story.caseNo = (await detail.getAttribute('data-case-no')) ?? '';
      await analyst.getByTestId('intake-notice').waitFor({ state: 'visible' });
      // The victim's card fails its check digit: accepted, and said so after the submit.
      await analyst.getByTestId('intake-warnings').getByText(/第 1 笔转账的付款账号/).waitFor({ state: 'visible' });
      await analyst.getByTestId('case-fraud-type').getByText('刷单返利').waitFor({ state: 'visible' });
      await waitStopRows(analyst, 'pending', 1, 1);
      const row = analyst.locator('[data-testid="case-stops"] tr[data-status="pending"]');
      await row.getByText('中国工商银行', { exact: true }).waitFor({ state: 'visible' });
      await row.getByText('ICBC', { exact: true }).waitFor({ state: 'visible' });
      await analyst.getByTestId('case-timeline').getByText('发出紧急止付').waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'cases-detail');
    });
    if (!ok) return;

    ok = await report.check(`${label}funds: the request appears in the ICBC queue without a reload; "stopped" with an amount and two pasted onward flows`, async () => {
      const row = bank.locator(`[data-testid="request-table"] tr[data-case-no="${story.caseNo}"]`);
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await assertNotReloaded(bank);
      await row.getByText('新', { exact: true }).waitFor({ state: 'visible' });
      await row.getByText('¥15,000.00').waitFor({ state: 'visible' });
      await row.getByText('张伟').waitFor({ state: 'visible' });
      story.requestId = Number(((await row.getAttribute('data-testid')) ?? '').replace('request-row-', ''));
      await screenshot(bank, ctx, 'funds-queue');

      await bank.getByTestId(`request-answer-${story.requestId}`).click();
      await bank.getByTestId('answer-modal').waitFor({ state: 'visible' });
      await bank.getByTestId('answer-result-stopped').click();
      await bank.getByTestId('answer-stopped-amount').fill('5000');
      await bank.getByTestId('answer-balance').fill('5000.00');
      const flows = [
        [story.icbcAccount, cardNumber('621700'), '建设银行', '6000.00', chinaTime(new Date(story.transferAt.getTime() + 10 * 60_000)), '转账'],
        [story.icbcAccount, cardNumber('621661'), '中国银行', '4,000', chinaTime(new Date(story.transferAt.getTime() + 12 * 60_000)), '网银转账'],
      ];
      await bank.getByTestId('flow-paste-text').fill(flows.map((f) => f.join('\t')).join('\n'));
      await bank.getByTestId('flow-paste-parse').click();
      await bank.locator('[data-testid="flows-editor"][data-rows="2"]').waitFor({ state: 'visible' });
      await screenshot(bank, ctx, 'funds-answer');
      await bank.getByTestId('answer-submit').click();
      await bank.getByTestId('answer-modal').waitFor({ state: 'hidden' });
      await row.waitFor({ state: 'hidden' });
      await bank.getByTestId('funds-tab-answered').click();
      const answered = bank.locator(`[data-testid="request-table"] tr[data-case-no="${story.caseNo}"][data-status="stopped"]`);
      await answered.getByText('止付 ¥5,000.00').waitFor({ state: 'visible' });
    });
    if (!ok) return;

    ok = await report.check(`${label}cases: the analyst's case shows the stop and two proposed next-hop requests without a reload`, async () => {
      await waitStopRows(analyst, 'proposed', 2, 2);
      await waitStopRows(analyst, 'stopped', 1, 1);
      await analyst.getByTestId(`stop-stopped-${story.requestId}`).getByText('止付 ¥5,000.00').waitFor({ state: 'visible' });
      await analyst.getByTestId('stops-proposals').waitFor({ state: 'visible' });
      await analyst.getByTestId('stops-send').getByText('发送 2 条建议止付').waitFor({ state: 'visible' });
      // The stop in force counts down to its expiry.
      await analyst.locator('[data-testid="case-stops"] [data-countdown="left"]').first().waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'cases-proposals');
    });
    if (!ok) return;

    await report.check(`${label}cases: the trace tab draws the graph (FIFO and proportional) and lists the suggestions`, async () => {
      await analyst.getByTestId('case-tab-trace').click();
      const graph = analyst.getByTestId('trace-graph');
      await graph.waitFor({ state: 'visible', timeout: 15_000 });
      await graph.locator('canvas').first().waitFor({ state: 'attached' });
      const nodes = Number(await graph.getAttribute('data-nodes'));
      if (nodes !== 3) throw new Error(`expected 3 accounts in the trace (ICBC and two next hops), saw ${nodes}`);
      const suggestions = analyst.getByTestId('trace-suggestions');
      await suggestions.getByText('6,000.00', { exact: true }).waitFor({ state: 'visible' });
      await suggestions.getByText('4,000.00', { exact: true }).waitFor({ state: 'visible' });
      if ((await suggestions.getAttribute('data-count')) !== '2') throw new Error(`expected 2 suggestions, saw ${await suggestions.getAttribute('data-count')}`);
      // Nothing was cashed out: all of the victim's money may still be held, 5,000 stopped at ICBC and the rest one hop on.
      await analyst.getByTestId('trace-total-seed').getByText('15,000.00').waitFor({ state: 'visible' });
      await analyst.getByTestId('trace-total-held').getByText('15,000.00').waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'cases-trace');
      await analyst.getByTestId('trace-method-proportional').click();
      await analyst.locator('[data-testid="case-trace"][data-method="proportional"]').waitFor({ state: 'visible' });
      await analyst.locator('[data-testid="trace-graph"] canvas').first().waitFor({ state: 'attached' });
    });

    await report.check(`${label}cases: one click sends the proposals; they become pending`, async () => {
      await analyst.getByTestId('case-tab-stops').click();
      await analyst.getByTestId('stops-send').click();
      await waitStopRows(analyst, 'pending', 2, 2);
      if ((await stopRows(analyst, 'proposed')) !== 0) throw new Error('proposals left after sending');
      await analyst.getByTestId('stops-proposals').waitFor({ state: 'hidden' });
      await analyst.getByTestId('case-timeline').getByText('银行反馈：已止付 5,000.00').waitFor({ state: 'visible' });
    });

    await moneyAfterStop(analyst, bank, ctx, report, label, story);

    await report.check(`${label}cases: the serial-case leads list linked cases; an analyst merges one into a serial case`, async () => {
      await analyst.getByTestId('nav-cases').click();
      await analyst.getByTestId('case-clusters-link').click();
      const list = analyst.getByTestId('clusters-list');
      await list.waitFor({ state: 'visible', timeout: 15_000 });
      await screenshot(analyst, ctx, 'cases-clusters');
      const merge = analyst.locator('[data-testid^="cluster-merge-"]').first();
      await merge.click();
      await analyst.getByTestId('serial-name').fill('e2e 测试串并案');
      await analyst.getByTestId('serial-submit').click();
      const serial = analyst.getByTestId('serial-case');
      await serial.waitFor({ state: 'visible', timeout: 15_000 });
      if (!/^CB\d+/.test((await serial.getAttribute('data-serial-no')) ?? '')) throw new Error('the serial case has no CB number');
      if ((await analyst.locator('[data-testid^="serial-row-"]').count()) < 2) throw new Error('a serial case of fewer than two cases');
      await serial.getByText('串并案：e2e 测试串并案').waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'cases-serial');
    });

    await report.check(`${label}cases: the list as cards on a 390×844 phone`, async () => {
      const page = await open(PHONE, true);
      await login(page, ctx, 'center_analyst');
      await page.getByTestId('open-menu').click();
      await page.getByTestId('nav-cases').click();
      await page.locator('[data-testid="case-cards"] [data-testid^="case-row-"]').first().waitFor({ state: 'visible' });
      await screenshot(page, ctx, 'cases-list-phone');
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}

/**
 * After the stop: the analyst asks for a full freeze of the stopped ICBC account with its document
 * number, the ICBC liaison freezes ¥5,000 from the funds module's freezes tab, the case shows the freeze
 * in force (the stop released) and the money frozen by itself; the analyst plans a traced return, the
 * liaison confirms it paid with a reference, and the case shows the money returned.
 */
async function moneyAfterStop(analyst: Page, bank: Page, ctx: Ctx, report: Report, label: string, story: Story): Promise<void> {
  const documentNo = `城关公(刑)冻字〔2026〕${String(Date.now() % 100_000)}号`;
  let ok = await report.check(`${label}cases: the analyst requests a full freeze of the stopped ICBC account, its document number typed`, async () => {
    await analyst.getByTestId('case-tab-freezes').click();
    const freezes = analyst.getByTestId('case-freezes');
    await freezes.waitFor({ state: 'visible' });
    // The stop in force is pointed out: a stop lasts hours, a freeze months.
    await analyst.getByTestId(`freeze-from-stop-${story.requestId}`).waitFor({ state: 'visible' });
    await analyst.getByTestId('freezes-request').click();
    await analyst.getByTestId('freeze-modal').waitFor({ state: 'visible' });
    // The account typed: its bank comes from the case's stop on it.
    await analyst.getByTestId('freeze-account-input').fill(story.icbcAccount);
    await closePopup(analyst);
    const bankInput = analyst.getByTestId('freeze-bank');
    for (let i = 0; i < 20 && (await bankInput.inputValue()) !== '中国工商银行'; i++) await analyst.waitForTimeout(100);
    if ((await bankInput.inputValue()) !== '中国工商银行') throw new Error(`the bank was not filled in from the stop: "${await bankInput.inputValue()}"`);
    await analyst.getByTestId('freeze-document').fill(documentNo);
    await analyst.getByTestId('freeze-kind-full').click();
    await screenshot(analyst, ctx, 'cases-freeze-request');
    await analyst.getByTestId('freeze-submit').click();
    await analyst.getByTestId('freeze-modal').waitFor({ state: 'hidden' });
    const row = analyst.locator(`[data-testid="case-freezes"] tr[data-status="requested"][data-account="${story.icbcAccount}"]`);
    await row.waitFor({ state: 'visible' });
    story.freezeId = Number(((await row.getAttribute('data-testid')) ?? '').replace('freeze-row-', ''));
    await row.getByText(documentNo).waitFor({ state: 'visible' });
    await row.getByText('全额冻结').waitFor({ state: 'visible' });
    await analyst.getByTestId('case-timeline').getByText('申请冻结').waitFor({ state: 'visible' });
  });
  if (!ok) return;

  ok = await report.check(`${label}funds: the ICBC liaison sees the freeze request in the freezes tab and freezes ¥5,000`, async () => {
    await bank.getByTestId('funds-nav-freezes').click();
    const row = bank.locator(`[data-testid="freeze-table"] tr[data-testid="freeze-row-${story.freezeId}"][data-status="requested"]`);
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.getByText(documentNo).waitFor({ state: 'visible' });
    await row.getByText(story.caseNo).waitFor({ state: 'visible' });
    await screenshot(bank, ctx, 'funds-freezes');
    await bank.getByTestId(`freeze-answer-${story.freezeId}`).click();
    await bank.getByTestId('freeze-answer-modal').waitFor({ state: 'visible' });
    await bank.getByTestId('freeze-answer-result-frozen').click();
    await bank.getByTestId('freeze-answer-amount').fill('5,000');
    await bank.getByTestId('freeze-answer-note').fill('已按文书全额冻结');
    await screenshot(bank, ctx, 'funds-freeze-answer');
    await bank.getByTestId('freeze-answer-submit').click();
    await bank.getByTestId('freeze-answer-modal').waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'hidden' });
    await bank.getByTestId('freezes-tab-frozen').click();
    const frozen = bank.locator(`[data-testid="freeze-table"] tr[data-testid="freeze-row-${story.freezeId}"][data-status="frozen"]`);
    await frozen.getByText('5,000.00').waitFor({ state: 'visible' });
  });
  if (!ok) return;

  ok = await report.check(`${label}cases: the analyst's case shows the freeze in force, the stop released and ¥5,000 frozen, without a reload`, async () => {
    const row = analyst.locator(`[data-testid="freeze-row-${story.freezeId}"][data-status="frozen"]`);
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    await analyst.getByTestId(`freeze-frozen-${story.freezeId}`).getByText('5,000.00').waitFor({ state: 'visible' });
    await row.locator('[data-countdown="left"]').waitFor({ state: 'visible' });
    await analyst.locator('[data-testid="money-frozen"][data-amount="5000.00"]').waitFor({ state: 'visible' });
    await analyst.getByTestId('case-timeline').getByText('银行已冻结 ¥5,000.00').waitFor({ state: 'visible' });
    // The freeze replaced the stop on the account.
    await analyst.getByTestId('freezes-unfrozen').waitFor({ state: 'hidden' });
    await analyst.getByTestId('case-tab-stops').click();
    await analyst.locator(`[data-testid="stop-row-${story.requestId}"][data-status="released"]`).waitFor({ state: 'visible' });
    await analyst.getByTestId('case-timeline').getByText('已由冻结接替').waitFor({ state: 'visible' });
    await analyst.getByTestId('case-tab-freezes').click();
    await screenshot(analyst, ctx, 'cases-freezes');
  });
  if (!ok) return;

  ok = await report.check(`${label}cases: the analyst plans a traced return of the frozen money; it waits for the bank`, async () => {
    await analyst.getByTestId(`freeze-return-${story.freezeId}`).click();
    await analyst.getByTestId('return-modal').waitFor({ state: 'visible' });
    await analyst.getByTestId('return-available').getByText('¥5,000.00').waitFor({ state: 'visible' });
    await analyst.getByTestId('return-method-traced').click();
    await analyst.getByTestId('return-submit').click();
    await analyst.getByTestId('return-modal').waitFor({ state: 'hidden' });
    const row = analyst.locator(`[data-testid="returns-${story.freezeId}"] tr[data-testid^="return-row-"][data-status="approved"]`);
    await row.waitFor({ state: 'visible' });
    story.returnId = Number(((await row.getAttribute('data-testid')) ?? '').replace('return-row-', ''));
    await row.getByText('5,000.00', { exact: true }).waitFor({ state: 'visible' });
    await row.getByText(story.caseNo).waitFor({ state: 'visible' });
    await row.getByText('等待银行支付').waitFor({ state: 'visible' });
    await analyst.getByTestId('case-timeline').getByText(`制定返还方案 #${story.returnId}：按溯源返还 ¥5,000.00`).waitFor({ state: 'visible' });
  });
  if (!ok) return;

  ok = await report.check(`${label}funds: the ICBC liaison finds the return to pay and confirms it paid with its reference`, async () => {
    // Offered on the freeze it is paid from, and listed under returns.
    await bank.getByTestId(`freeze-pay-${story.returnId}`).waitFor({ state: 'visible', timeout: 15_000 });
    await bank.getByTestId('funds-nav-returns').click();
    const row = bank.locator(`[data-testid="return-table"] tr[data-testid="bank-return-row-${story.returnId}"][data-status="approved"]`);
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.getByText(story.caseNo).first().waitFor({ state: 'visible' });
    await screenshot(bank, ctx, 'funds-returns');
    await bank.getByTestId(`return-pay-${story.returnId}`).click();
    await bank.getByTestId('paid-modal').waitFor({ state: 'visible' });
    await bank.getByTestId('paid-reference').fill(`ICBC-RT-${story.returnId}`);
    await bank.getByTestId('paid-submit').click();
    await bank.getByTestId('paid-modal').waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'hidden' });
    await bank.getByTestId('returns-tab-paid').click();
    await bank.locator(`[data-testid="bank-return-row-${story.returnId}"][data-status="paid"]`).getByText(`ICBC-RT-${story.returnId}`).waitFor({ state: 'visible' });
  });
  if (!ok) return;

  await report.check(`${label}cases: the analyst's case shows ¥5,000 returned to the victim, without a reload`, async () => {
    await analyst.locator('[data-testid="money-returned"][data-amount="5000.00"]').waitFor({ state: 'visible', timeout: 20_000 });
    await analyst.locator(`[data-testid="return-row-${story.returnId}"][data-status="paid"]`).waitFor({ state: 'visible' });
    await analyst.getByTestId(`freeze-returned-${story.freezeId}`).getByText('5,000.00').waitFor({ state: 'visible' });
    await analyst.getByTestId('case-timeline').getByText(`银行已返还 #${story.returnId}：¥5,000.00`).waitFor({ state: 'visible' });
    await screenshot(analyst, ctx, 'cases-returns');
  });
}

// Run when started directly; smoke.ts imports casesFlow without running this.
if (startedDirectly(import.meta.url)) process.exit(await runStandalone('cases', casesFlow, { password: 'Cases-e2e-2024' }));
