/**
 * Browser test of transaction monitoring (资金 → 交易监测, and 系统管理 → 交易监测规则) against the real server and
 * its demo city, whose first start feeds a week of ICBC's transactions through the risk engine (src/demo/seed-risk.ts):
 *
 *   npx tsx test/e2e/risk-flow.ts
 *
 * The bank liaison of 工商银行 opens the alert queue (the demo's open alerts are there); a batch of the bank's
 * transactions pushed meanwhile, with two accounts passing three victims' money straight on, raises two alerts that
 * arrive by themselves, marked 新. The liaison opens the first: its reasons name the rules in Chinese (快进快出
 * among them), the account's six transactions are listed with the triggering one marked, and a bank is not offered
 * a stop-payment. The liaison escalates it with a note; the center analyst, whose queue shows escalated alerts,
 * sees it arrive by itself, reads the note on its timeline, picks a case and asks the bank to stop the triggering
 * amount: the alert shows 已发起止付 with the case and the request, which arrives in the liaison's stop-payment
 * queue. The liaison calls the second alert a false positive for 30 days and finds the account on the allow-list;
 * an account added by hand is revoked and then shows among the ended ones. The analyst reads the rules' precision
 * read-only from the monitoring area. The admin sees the live version v1 and the per-rule precision, opens v1's
 * configuration, and writes a new version from a copy: a bad parameter is refused and listed by its path, the fixed
 * version is stored as a draft, runs in shadow and is retired (v1 stays live). Last the queue and an alert on a
 * phone. Any browser console error or warning, or any 4xx from the API except the one refusal the flow provokes,
 * fails the check it is in.
 *
 * Standalone (test/e2e/standalone.ts) it builds a dev bundle and starts its own server on a fresh demo city;
 * smoke.ts runs the same flow (riskFlow) against its servers.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, login, newWatchedPage, openAdminPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';
import { runStandalone, startedDirectly } from './standalone.ts';

const MIN = 60_000;

interface Story {
  stamp: string;
  /** Escalated by the bank, then a stop-payment by the center. */
  muleA: string;
  /** Called a false positive with 30 days on the allow-list. */
  muleB: string;
  /** Put on the allow-list by hand, then revoked. */
  manual: string;
  alertA: number;
  alertB: number;
  note: string;
  version: string;
}

/** A 19-digit card number of the run: the stamp keeps runs against one server apart. */
const account = (stamp: string, n: number) => `622202${stamp}${String(n).padStart(5, '0')}`;
/** How the screens show an account: groups of four. */
const grouped = (acct: string) => acct.replace(/(\d{4})(?=\d)/g, '$1 ');

interface BankSession {
  post: (path: string, body: string, contentType: string) => Promise<unknown>;
  serverNow: () => number;
}

/** The bank liaison's API session: pushes its bank's transactions the way the bank's system would. */
async function bankSession(baseUrl: string, password: string): Promise<BankSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-bank_liaison', password }) });
  if (res.status !== 200) throw new Error(`API login of the bank liaison: HTTP ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const skew = (Date.parse(res.headers.get('x-server-time') ?? '') || Date.now()) - Date.now();
  return {
    serverNow: () => Date.now() + skew,
    post: async (path, body, contentType) => {
      const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { cookie, 'content-type': contentType, 'x-csrf-token': csrfToken, accept: 'application/json' }, body });
      if (!r.ok) throw new Error(`POST ${path}: HTTP ${r.status} ${await r.text()}`);
      return r.json();
    },
  };
}

/** Three victims' money into the account within minutes, each forwarded at once to someone else (跑分). */
function mulePattern(stamp: string, mule: string, base: number, start: number) {
  return [0, 1, 2].flatMap((k) => {
    const at = start + k * 3 * MIN;
    const line = (txId: string, from: string, to: string, amount: string, when: number) => ({ txId, at: new Date(when).toISOString(), fromAccount: from, fromBank: 'ICBC', toAccount: to, toBank: 'ICBC', amount, channel: 'transfer' });
    return [line(`E2E-${stamp}-${base + k}-in`, account(stamp, base + 10 + k), mule, '5000.00', at), line(`E2E-${stamp}-${base + k}-out`, mule, account(stamp, base + 20 + k), '4950.00', at + MIN)];
  });
}

async function openMonitoring(page: Page, phone = false): Promise<void> {
  if (phone) await page.getByTestId('open-menu').click();
  await page.getByTestId('nav-funds').click();
  await page.getByTestId('module-funds').waitFor({ state: 'visible' });
  await page.getByTestId('funds-nav-monitoring').click();
  await page.waitForURL(/\/funds\/monitoring/);
  await page.getByTestId('risk-alerts').waitFor({ state: 'visible' });
}

/** The queue's row (table or card) of an account, once it is there. */
const rowOf = (page: Page, acct: string) => page.locator(`[data-testid^="alert-row-"][data-account="${acct}"]`);

async function alertIdOf(page: Page, acct: string): Promise<number> {
  const row = rowOf(page, acct);
  await row.waitFor({ state: 'visible' });
  const id = Number(((await row.getAttribute('data-testid')) ?? '').replace('alert-row-', ''));
  if (!id) throw new Error(`no alert id on the row of ${acct}`);
  return id;
}

async function openAlert(page: Page, id: number, status: string) {
  await page.getByTestId(`alert-open-${id}`).click();
  const drawer = page.locator(`[data-testid="alert-drawer"][data-alert-id="${id}"][data-status="${status}"]`);
  await drawer.waitFor({ state: 'visible' });
  await drawer.getByTestId('alert-reasons').waitFor({ state: 'visible' });
  return drawer;
}

async function closeDrawer(page: Page): Promise<void> {
  await page.locator('[data-testid="alert-drawer"] .ant-drawer-close').click();
  await page.getByTestId('alert-drawer').waitFor({ state: 'hidden' });
}

async function pickStatus(page: Page, status: string): Promise<void> {
  await page.getByTestId('alerts-filter-status').click();
  await page.locator(`.ant-select-dropdown:visible [data-testid="alerts-status-${status}"]`).click();
  await page.waitForURL(new RegExp(`status=${status}`));
}

/** The bank escalates A: the reasons, the transactions, the outcomes a bank has (no stop-payment). */
async function escalateAsBank(bank: Page, ctx: Ctx, story: Story): Promise<void> {
  const drawer = await openAlert(bank, story.alertA, 'open');
  const reasons = drawer.locator('[data-testid="alert-reason"]');
  if ((await reasons.count()) < 1) throw new Error('the alert lists no reasons');
  await drawer.locator('[data-testid="alert-reason"][data-rule="fast_in_out"]').getByText('快进快出', { exact: true }).waitFor({ state: 'visible' });
  const txRows = drawer.locator('[data-testid="alert-transactions"] tr[data-testid^="alert-tx-"]');
  await txRows.nth(5).waitFor({ state: 'visible' });
  await drawer.locator('[data-testid="alert-transactions"]').getByText('触发预警').waitFor({ state: 'visible' });
  for (const o of ['escalated', 'confirmed_mule', 'false_positive']) await drawer.getByTestId(`outcome-${o}`).waitFor({ state: 'visible' });
  if ((await drawer.getByTestId('outcome-stop_payment_requested').count()) > 0) throw new Error('a bank is offered a stop-payment');
  await screenshot(bank, ctx, 'risk-alert-bank');
  await drawer.getByTestId('outcome-escalated').click();
  await drawer.getByTestId('outcome-note').fill(story.note);
  await drawer.getByTestId('outcome-submit').click();
  const escalated = bank.locator(`[data-testid="alert-drawer"][data-alert-id="${story.alertA}"][data-status="escalated"]`);
  await escalated.waitFor({ state: 'visible' });
  await escalated.getByTestId('alert-event-escalated').getByText(story.note).waitFor({ state: 'visible' });
  // Still the bank's to confirm or clear, but no longer to escalate.
  if ((await escalated.getByTestId('outcome-escalated').count()) > 0) throw new Error('an escalated alert can be escalated again');
  await closeDrawer(bank);
  // The open queue no longer holds it.
  await rowOf(bank, story.muleA).waitFor({ state: 'detached' });
}

/** The center asks the account's bank to stop the triggering amount, for a case. */
async function stopAsCenter(analyst: Page, ctx: Ctx, story: Story): Promise<void> {
  const drawer = await openAlert(analyst, story.alertA, 'escalated');
  await drawer.getByTestId('alert-event-escalated').getByText(story.note).waitFor({ state: 'visible' });
  if ((await drawer.getByTestId('outcome-escalated').count()) > 0) throw new Error('the center is offered to escalate to itself');
  await drawer.getByTestId('outcome-stop_payment_requested').click();
  await drawer.getByTestId('outcome-case').click();
  const option = analyst.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await option.waitFor({ state: 'visible' });
  await option.click();
  await drawer.getByTestId('outcome-use-trigger').click();
  if ((await drawer.getByTestId('outcome-amount').inputValue()) !== '4950.00') throw new Error('the triggering amount was not filled in');
  await drawer.getByTestId('outcome-note').fill(`关联案件止付 ${story.stamp}`);
  await screenshot(analyst, ctx, 'risk-stop-form');
  await drawer.getByTestId('outcome-submit').click();
  const stopped = analyst.locator(`[data-testid="alert-drawer"][data-alert-id="${story.alertA}"][data-status="stop_payment_requested"]`);
  await stopped.waitFor({ state: 'visible' });
  await stopped.getByTestId('alert-case-link').waitFor({ state: 'visible' });
  await stopped.getByTestId('alert-stop-payment').getByText(/#\d+/).waitFor({ state: 'visible' });
  await stopped.getByTestId('alert-event-stop_payment_requested').waitFor({ state: 'visible' });
  await stopped.getByTestId('alert-no-actions').waitFor({ state: 'visible' });
  await screenshot(analyst, ctx, 'risk-alert-stopped');
  await closeDrawer(analyst);
}

/** The bank clears B for 30 days; the allow-list shows it; a hand-made entry is revoked and shows as ended. */
async function falsePositiveAndAllowList(bank: Page, ctx: Ctx, story: Story): Promise<void> {
  const drawer = await openAlert(bank, story.alertB, 'open');
  await drawer.getByTestId('outcome-false_positive').click();
  await drawer.getByTestId('outcome-allow-days').fill('30');
  await drawer.getByTestId('outcome-note').fill('客户本人经营周转，已电话核实');
  await drawer.getByTestId('outcome-submit').click();
  const cleared = bank.locator(`[data-testid="alert-drawer"][data-alert-id="${story.alertB}"][data-status="false_positive"]`);
  await cleared.waitFor({ state: 'visible' });
  await cleared.getByTestId('alert-event-false_positive').getByText('账户加入白名单 30 天').waitFor({ state: 'visible' });
  await closeDrawer(bank);

  await bank.getByTestId('monitoring-nav-allow-list').click();
  await bank.getByTestId('risk-allow-list').waitFor({ state: 'visible' });
  await bank.locator(`[data-testid="allow-table"] tr[data-account="${story.muleB}"][data-state="active"]`).waitFor({ state: 'visible' });

  await bank.getByTestId('allow-add').click();
  await bank.getByTestId('allow-form').waitFor({ state: 'visible' });
  await bank.getByTestId('allow-account').fill(story.manual);
  await bank.getByTestId('allow-reason').fill('代发工资账户，月初集中转入转出属正常');
  await bank.getByTestId('allow-days').fill('7');
  await bank.getByTestId('allow-submit').click();
  await bank.getByTestId('allow-form').waitFor({ state: 'hidden' });
  const manual = bank.locator(`[data-testid="allow-table"] tr[data-account="${story.manual}"][data-state="active"]`);
  await manual.waitFor({ state: 'visible' });
  await screenshot(bank, ctx, 'risk-allow-list');
  const id = ((await manual.getAttribute('data-testid')) ?? '').replace('allow-row-', '');
  await bank.getByTestId(`allow-revoke-${id}`).click();
  await bank.locator('[data-testid="allow-revoke-confirm"]:visible').click();
  await manual.waitFor({ state: 'detached' });
  await bank.getByTestId('allow-show-ended').click();
  await bank.locator(`[data-testid="allow-table"] tr[data-account="${story.manual}"][data-state="revoked"]`).waitFor({ state: 'visible' });
  await bank.locator(`[data-testid="allow-table"] tr[data-account="${story.muleB}"][data-state="active"]`).waitFor({ state: 'visible' });
  await screenshot(bank, ctx, 'risk-allow-list-ended');
}

/** The admin's rule set page: live v1, precision per rule, v1's JSON; a new version refused, fixed, shadowed, retired. */
async function adminRuleSets(admin: Page, ctx: Ctx, story: Story, expectRefusal: (on: boolean) => void): Promise<void> {
  await openAdminPage(admin, 'risk');
  await admin.locator('[data-testid="ruleset-row-v1"][data-status="live"]').waitFor({ state: 'visible' });
  await admin.getByTestId('runtime-version').getByText('v1', { exact: true }).waitFor({ state: 'visible' });
  const withPrecision = admin.locator('[data-testid="rule-stats-table"] tr[data-testid^="rule-stat-"]:not([data-precision=""])');
  await withPrecision.first().waitFor({ state: 'visible' });
  await admin.getByTestId('rule-precision-fast_in_out').getByText(/^\d+(\.\d)?%$/).waitFor({ state: 'visible' });
  await screenshot(admin, ctx, 'risk-admin');

  await admin.getByTestId('ruleset-view-v1').click();
  await admin.getByTestId('ruleset-json').getByText('"version": "v1"', { exact: false }).waitFor({ state: 'visible' });
  await admin.locator('.ant-modal:visible .ant-modal-close').click();
  await admin.getByTestId('ruleset-json').waitFor({ state: 'detached' });

  await admin.getByTestId('ruleset-new').click();
  const editor = admin.getByTestId('rule-set-editor');
  await editor.waitFor({ state: 'visible' });
  const json = admin.getByTestId('rule-set-json');
  const config = JSON.parse(await json.inputValue()) as { version: string; params: { fan_in: { minPayers: number } } };
  if (config.version !== 'v2') throw new Error(`the copy was not given the next version: ${config.version}`);
  config.version = story.version;
  const minPayers = config.params.fan_in.minPayers;
  config.params.fan_in.minPayers = 1;
  await json.fill(JSON.stringify(config, null, 2));
  await admin.getByTestId('rule-set-note').fill('e2e：提高多对一汇入门槛前的对比');
  expectRefusal(true);
  await admin.getByTestId('rule-set-submit').click();
  await admin.locator('[data-testid="rule-set-errors"] li[data-path="config.params.fan_in.minPayers"]').waitFor({ state: 'visible' });
  expectRefusal(false);
  await screenshot(admin, ctx, 'risk-ruleset-refused');
  config.params.fan_in.minPayers = minPayers + 1;
  await json.fill(JSON.stringify(config, null, 2));
  await admin.getByTestId('rule-set-submit').click();
  await editor.waitFor({ state: 'hidden' });
  const row = (status: string) => admin.locator(`[data-testid="ruleset-row-${story.version}"][data-status="${status}"]`);
  await row('draft').waitFor({ state: 'visible' });

  await admin.getByTestId(`ruleset-shadow-${story.version}`).click();
  await admin.locator('[data-testid="ruleset-move-confirm"]:visible').click();
  await row('shadow').waitFor({ state: 'visible' });
  await admin.locator('[data-testid="ruleset-row-v1"][data-status="live"]').waitFor({ state: 'visible' });
  await screenshot(admin, ctx, 'risk-admin-shadow');
  await admin.getByTestId(`ruleset-retired-${story.version}`).click();
  await admin.locator('[data-testid="ruleset-move-confirm"]:visible').click();
  await row('retired').waitFor({ state: 'visible' });
}

export async function riskFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  // The one 400 the flow provokes (a bad rule set parameter) is expected; any other API error still fails.
  let refusalExpected = false;
  const watched: Ctx = {
    ...ctx,
    noteProblem: (text) => {
      // Both the failed response and the browser's console line about it.
      if (refusalExpected && /\/api\/v1\/risk\/rule-sets\b/.test(text) && /\b400\b/.test(text)) return;
      ctx.noteProblem(text);
    },
  };
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    const c = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return newWatchedPage(c, watched);
  };
  const stamp = String(Date.now()).slice(-8);
  const story: Story = {
    stamp,
    muleA: account(stamp, 1),
    muleB: account(stamp, 2),
    manual: account(stamp, 3),
    alertA: 0,
    alertB: 0,
    note: `疑似跑分账户，资金仍在流转，请中心止付（${stamp}）`,
    version: `e2e-${stamp}`,
  };
  try {
    const bank = await open(DESKTOP);
    const analyst = await open(DESKTOP);

    let ok = await report.check(`${label}risk: the bank liaison's queue holds the demo's alerts; a pushed batch's alerts arrive by themselves, marked 新`, async () => {
      await login(bank, ctx, 'bank_liaison');
      await openMonitoring(bank);
      await bank.locator('[data-testid="live-status"][data-connected="true"]').waitFor({ state: 'visible' });
      await bank.locator('[data-testid="alert-table"] tr[data-testid^="alert-row-"][data-status="open"]').first().waitFor({ state: 'visible' });
      await bank.locator('[data-testid="alert-table"] [data-testid="alert-first-reason"]').first().waitFor({ state: 'visible' });
      await screenshot(bank, ctx, 'risk-queue-bank');
      const api = await bankSession(ctx.baseUrl, ctx.password);
      // Just before now on the server's clock, so the two alerts are the newest.
      const start = api.serverNow() - 15 * MIN;
      const lines = [...mulePattern(stamp, story.muleA, 100, start), ...mulePattern(stamp, story.muleB, 200, start + 30_000)].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
      const out = (await api.post('/api/v1/transactions', lines.map((l) => JSON.stringify(l)).join('\n'), 'application/x-ndjson')) as { accepted: number; alerts: { account: string }[] };
      if (out.accepted !== 12) throw new Error(`the batch was not taken whole: ${JSON.stringify(out)}`);
      for (const mule of [story.muleA, story.muleB]) if (!out.alerts.some((a) => a.account === mule)) throw new Error(`no alert for ${mule}: ${JSON.stringify(out.alerts)}`);
      // Without a reload: the stream announced them (the slow refetch is a minute away).
      story.alertA = await alertIdOf(bank, story.muleA);
      story.alertB = await alertIdOf(bank, story.muleB);
      await rowOf(bank, story.muleA).getByText('新', { exact: true }).waitFor({ state: 'visible' });
      await rowOf(bank, story.muleA).getByText(grouped(story.muleA)).waitFor({ state: 'visible' });
    });
    if (!ok) return;

    ok = await report.check(`${label}risk: the liaison reads an alert's reasons and transactions and escalates it; the center's queue shows it by itself`, async () => {
      await login(analyst, ctx, 'center_analyst');
      await openMonitoring(analyst);
      await pickStatus(analyst, 'escalated');
      await analyst.locator('[data-testid="live-status"][data-connected="true"]').waitFor({ state: 'visible' });
      await escalateAsBank(bank, ctx, story);
      await analyst.locator(`[data-testid="alert-row-${story.alertA}"][data-status="escalated"]`).waitFor({ state: 'visible' });
      // The center sees which bank reported it.
      await analyst.getByTestId(`alert-row-${story.alertA}`).getByText('中国工商银行示例市分行').waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'risk-queue-center');
    });

    if (ok)
      ok = await report.check(`${label}risk: the analyst requests a stop-payment for a case; the alert shows it and the bank's stop-payment queue receives it`, async () => {
        await stopAsCenter(analyst, ctx, story);
        await analyst.locator(`[data-testid="alert-row-${story.alertA}"]`).waitFor({ state: 'detached' });
        await bank.getByTestId('funds-nav-requests').click();
        await bank.getByTestId('request-table').getByText(grouped(story.muleA)).waitFor({ state: 'visible' });
        await bank.getByTestId('funds-nav-monitoring').click();
        await bank.getByTestId('risk-alerts').waitFor({ state: 'visible' });
      });

    await report.check(`${label}risk: a false positive with 30 allow-list days puts the account on the allow-list; a hand-made entry is revoked`, async () => {
      await falsePositiveAndAllowList(bank, ctx, story);
    });

    await report.check(`${label}risk: the analyst reads the rules' precision read-only from the monitoring area`, async () => {
      await analyst.getByTestId('monitoring-nav-rules').click();
      await analyst.getByTestId('risk-rules').waitFor({ state: 'visible' });
      await analyst.getByTestId('rule-precision-fast_in_out').getByText(/%$/).waitFor({ state: 'visible' });
      await analyst.locator('[data-testid="ruleset-row-v1"][data-status="live"]').waitFor({ state: 'visible' });
      if ((await analyst.getByTestId('ruleset-new').count()) > 0 || (await analyst.locator('[data-testid^="ruleset-live-"]').count()) > 0) throw new Error('the analyst may change rule sets');
      await screenshot(analyst, ctx, 'risk-rules-center');
    });

    await report.check(`${label}risk: the admin sees the live version and per-rule precision; a new version is refused by path, then stored, shadowed and retired`, async () => {
      const admin = await open(DESKTOP);
      await login(admin, ctx, 'admin');
      await adminRuleSets(admin, ctx, story, (on) => {
        refusalExpected = on;
      });
    });

    await report.check(`${label}risk: the queue and an alert on a 390×844 phone`, async () => {
      const page = await open(PHONE, true);
      await login(page, ctx, 'bank_liaison');
      await openMonitoring(page, true);
      const card = page.locator('[data-testid="alert-cards"] [data-testid^="alert-row-"]').first();
      await card.waitFor({ state: 'visible' });
      await screenshot(page, ctx, 'risk-queue-phone');
      await card.locator('[data-testid^="alert-open-"]').click();
      await page.getByTestId('alert-drawer').getByTestId('alert-reasons').waitFor({ state: 'visible' });
      await page.getByTestId('alert-drawer').getByTestId('outcome-form').waitFor({ state: 'visible' });
      await screenshot(page, ctx, 'risk-alert-phone');
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}

// Run when started directly; smoke.ts may import riskFlow without running this.
if (startedDirectly(import.meta.url)) process.exit(await runStandalone('risk', riskFlow, { password: 'Risk-e2e-2024' }));
