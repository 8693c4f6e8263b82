/**
 * Browser test of the 联席办 screens (overview, meetings, tasks, responsibility letters) against the real
 * server and its demo city:
 *
 *   npx tsx test/e2e/liaison-flow.ts
 *
 * The center analyst reads the overview's counts, records a joint meeting with two decisions, one for
 * 中国人民银行示例市分行 (PBOC, the demo member unit) and one for 示例市教育局 (EDU); the second decision's
 * deadline is first set to this morning, which the server refuses on that very field, then corrected. The
 * meeting opens with its two open tasks. The member unit's contact sees no meetings and only its own task,
 * and replies; the reply shows on the task's timeline. The analyst sees the reply in the meeting and on the
 * task, and the overview's counts moved (2 more tasks, 1 more open, PBOC one more replied). The analyst sends
 * PBOC its responsibility letter of the year (the demo leaves it unsent), the contact signs it, and the
 * analyst sees it signed and counted. Last the overview in English, and the contact's tasks and letter on a
 * phone. Any browser console error or warning, or any 4xx from the API except the refusal the flow provokes,
 * fails the check it is in.
 *
 * Standalone (test/e2e/standalone.ts) it builds a dev bundle and starts its own server on a fresh demo city;
 * smoke.ts runs the same flow (liaisonFlow) against its servers.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { pickByTyping } from './cases-checks.ts';
import { closePopup, DESKTOP, login, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';
import { runStandalone, startedDirectly } from './standalone.ts';

const PBOC = { code: 'PBOC', name: '中国人民银行示例市分行' };
const EDU = { code: 'EDU', name: '示例市教育局' };

type Tab = 'overview' | 'meetings' | 'tasks' | 'letters';

interface Counts {
  total: number;
  open: number;
  pbocTotal: number;
  pbocDone: number;
  lettersSigned: number;
  lettersTotal: number;
}

interface Story {
  stamp: string;
  pbocTask: string;
  eduTask: string;
  meetingNo: string;
  pbocTaskId: number;
  reply: string;
  before: Counts;
}

/** Through the menu to the module's overview, then to the tab: the tab's page mounts afresh and fetches. */
async function openLiaison(page: Page, tab?: Tab, phone = false): Promise<void> {
  if (phone) await page.getByTestId('open-menu').click();
  await page.getByTestId('nav-liaison').click();
  await page.waitForURL(/\/liaison$/);
  await page.getByTestId('liaison-overview').waitFor({ state: 'visible' });
  if (tab && tab !== 'overview') {
    await page.getByTestId(`liaison-tab-${tab}`).click();
    await page.waitForURL(new RegExp(`/liaison/${tab}`));
  }
}

async function value(locator: Locator, attr = 'data-value'): Promise<number> {
  await locator.and(locator.page().locator(`[${attr}]:not([${attr}=""])`)).waitFor({ state: 'visible' });
  const v = await locator.getAttribute(attr);
  if (v === null || v === '' || Number.isNaN(Number(v))) throw new Error(`no number in ${attr} (${v})`);
  return Number(v);
}

/** Waits until a figure shows exactly `n` (the lists refetch after a change). */
async function shows(page: Page, testId: string, n: number, attr = 'data-value'): Promise<void> {
  await page.locator(`[data-testid="${testId}"][${attr}="${n}"]`).waitFor({ state: 'visible' });
}

async function overviewCounts(page: Page): Promise<Counts> {
  await page.locator('[data-testid="liaison-overview"][data-loaded="true"]').waitFor({ state: 'visible' });
  const pboc = page.getByTestId(`overview-unit-${PBOC.code}`);
  const letters = page.getByTestId('overview-letters');
  return {
    total: await value(page.getByTestId('overview-tasks')),
    open: await value(page.getByTestId('overview-open')),
    pbocTotal: (await pboc.count()) ? await value(pboc, 'data-total') : 0,
    pbocDone: (await pboc.count()) ? await value(pboc, 'data-done') : 0,
    lettersSigned: await value(letters, 'data-signed'),
    lettersTotal: await value(letters, 'data-total'),
  };
}

/** China's calendar day `days` from the server's today, as the pickers type it. */
function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Types a time into an antd date-time picker and confirms it. */
async function typeTime(page: Page, testId: string, text: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(text);
  await input.press('Enter');
  for (let i = 0; (await input.inputValue()) !== text; i++) {
    if (i > 40) throw new Error(`the picker ${testId} shows "${await input.inputValue()}", not "${text}"`);
    await page.waitForTimeout(100);
  }
  await closePopup(page);
}

async function recordMeeting(analyst: Page, ctx: Ctx, story: Story, noteRefusal: (on: boolean) => void): Promise<void> {
  await openLiaison(analyst, 'meetings');
  // The demo city's two meetings are there.
  await analyst.locator('[data-testid="meeting-table"] [data-testid^="meeting-row-"]').nth(1).waitFor({ state: 'visible' });
  await screenshot(analyst, ctx, 'liaison-meetings');
  await analyst.getByTestId('meeting-new').click();
  const form = analyst.getByTestId('meeting-form');
  await form.waitFor({ state: 'visible' });
  await form.getByTestId('meeting-title').fill(`反诈联席会议专题会 ${story.stamp}`);
  await pickByTyping(analyst, 'meeting-attendees', PBOC.name);
  await pickByTyping(analyst, 'meeting-attendees', EDU.name);
  await closePopup(analyst);
  await form.getByTestId('meeting-attendees').getByText(EDU.name, { exact: true }).waitFor({ state: 'visible' });
  await form.getByTestId('meeting-minutes-input').fill('通报近期刷单返利类案件上升情况，研究银行网点和校园宣传工作，形成两项决定。');
  await form.getByTestId('decision-title-0').fill(story.pbocTask);
  await pickByTyping(analyst, 'decision-owner-0', PBOC.name);
  await form.getByTestId('decision-add').click();
  await form.getByTestId('decision-title-1').fill(story.eduTask);
  await pickByTyping(analyst, 'decision-owner-1', EDU.name);
  await form.getByTestId('decision-detail-1').fill('每校至少开展一次主题班会。');
  // This morning has passed on the server's clock: the server refuses it on the second decision's deadline.
  await typeTime(analyst, 'decision-due-1', `${chinaDay(0)} 08:00`);
  await screenshot(analyst, ctx, 'liaison-meeting-form');
  noteRefusal(true);
  await analyst.getByTestId('meeting-submit').click();
  await form.getByTestId('decision-1').locator('.ant-form-item-explain-error').getByText('办理期限须晚于当前时间').waitFor({ state: 'visible' });
  noteRefusal(false);
  if (await form.getByTestId('decision-0').locator('.ant-form-item-explain-error').count()) throw new Error('the first decision shows an error too');
  await screenshot(analyst, ctx, 'liaison-meeting-form-refused');
  await typeTime(analyst, 'decision-due-1', `${chinaDay(7)} 18:00`);
  await analyst.getByTestId('meeting-submit').click();
  await form.waitFor({ state: 'hidden' });
  const drawer = analyst.locator('[data-testid="meeting-drawer"][data-tasks="2"][data-done="0"]');
  await drawer.waitFor({ state: 'visible' });
  story.meetingNo = (await drawer.getAttribute('data-meeting-no')) ?? '';
  if (!/^LXH\d{11}$/.test(story.meetingNo)) throw new Error(`no meeting number: "${story.meetingNo}"`);
  for (const unit of [PBOC, EDU]) await drawer.locator(`[data-testid^="meeting-task-"][data-owner="${unit.code}"][data-state="open"]`).getByText(unit.name).waitFor({ state: 'visible' });
  await drawer.getByTestId('meeting-attendees').getByText(PBOC.name).waitFor({ state: 'visible' });
  await screenshot(analyst, ctx, 'liaison-meeting-detail');
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
}

async function replyAsMember(member: Page, ctx: Ctx, story: Story): Promise<void> {
  await openLiaison(member);
  if (await member.getByTestId('liaison-tab-meetings').count()) throw new Error('a member unit is offered the meetings');
  await member.getByTestId('liaison-tab-tasks').click();
  const row = member.locator(`[data-testid="task-table"] tr[data-title="${story.pbocTask}"][data-state="open"]`);
  await row.waitFor({ state: 'visible' });
  story.pbocTaskId = Number((await row.getAttribute('data-testid'))?.replace('task-row-', ''));
  if (!story.pbocTaskId) throw new Error('no task id on the row');
  if (await member.locator(`tr[data-title="${story.eduTask}"]`).count()) throw new Error('the member unit sees another unit’s task');
  const open = await value(member.getByTestId('task-stat-open'));
  await screenshot(member, ctx, 'liaison-tasks-member');
  await member.getByTestId(`task-handle-${story.pbocTaskId}`).click();
  const drawer = member.locator(`[data-testid="task-drawer"][data-task-id="${story.pbocTaskId}"][data-state="open"]`);
  await drawer.waitFor({ state: 'visible' });
  await drawer.getByTestId('task-ev-assigned').getByText(story.meetingNo, { exact: false }).waitFor({ state: 'visible' });
  await drawer.getByTestId('task-reply-text').fill(story.reply);
  await drawer.getByTestId('task-reply-submit').click();
  const done = member.locator(`[data-testid="task-drawer"][data-task-id="${story.pbocTaskId}"][data-state="done"]`);
  await done.waitFor({ state: 'visible' });
  await done.getByTestId('task-ev-replied').getByTestId('task-reply-shown').getByText(story.reply).waitFor({ state: 'visible' });
  await done.getByTestId('task-ev-replied').getByText('demo-member_contact', { exact: false }).waitFor({ state: 'visible' });
  if (await done.getByTestId('task-reply-form').count()) throw new Error('the reply form is still offered');
  await screenshot(member, ctx, 'liaison-task-replied');
  await done.locator('.ant-drawer-close').click();
  await done.waitFor({ state: 'hidden' });
  await shows(member, 'task-stat-open', open - 1);
  // Answered, it leaves the open view.
  await member.locator(`[data-testid="task-table"] tr[data-title="${story.pbocTask}"]`).waitFor({ state: 'detached' });
}

async function analystSeesReply(analyst: Page, ctx: Ctx, story: Story): Promise<void> {
  await openLiaison(analyst, 'meetings');
  const row = analyst.locator(`[data-testid="meeting-table"] tr[data-meeting-no="${story.meetingNo}"][data-done="1"][data-tasks="2"]`);
  await row.waitFor({ state: 'visible' });
  await row.click();
  const drawer = analyst.locator('[data-testid="meeting-drawer"][data-done="1"]');
  await drawer.waitFor({ state: 'visible' });
  await drawer.getByTestId(`meeting-task-reply-${story.pbocTaskId}`).getByText(story.reply).waitFor({ state: 'visible' });
  await drawer.locator(`[data-testid^="meeting-task-"][data-owner="${EDU.code}"][data-state="open"]`).waitFor({ state: 'visible' });
  await screenshot(analyst, ctx, 'liaison-meeting-replied');
  // The task opens from the meeting, with the reply on its timeline.
  await drawer.getByTestId(`meeting-task-${story.pbocTaskId}`).click();
  const task = analyst.locator(`[data-testid="task-drawer"][data-task-id="${story.pbocTaskId}"][data-state="done"]`);
  await task.waitFor({ state: 'visible' });
  await task.getByTestId('task-reply-shown').getByText(story.reply).waitFor({ state: 'visible' });
  if (await task.getByTestId('task-reply-form').count()) throw new Error('the center is offered to reply for the unit');
  await screenshot(analyst, ctx, 'liaison-task-timeline');
  await task.locator('.ant-drawer-close').click();
  await task.waitFor({ state: 'hidden' });
  await analyst.locator(`[data-testid="task-table"] tr[data-testid="task-row-${story.pbocTaskId}"][data-state="done"]`).waitFor({ state: 'visible' });
  await screenshot(analyst, ctx, 'liaison-tasks');

  await openLiaison(analyst, 'overview');
  const b = story.before;
  await shows(analyst, 'overview-tasks', b.total + 2);
  await shows(analyst, 'overview-open', b.open + 1);
  await shows(analyst, 'overview-done', b.total - b.open + 1);
  await shows(analyst, `overview-unit-${PBOC.code}`, b.pbocTotal + 1, 'data-total');
  await shows(analyst, `overview-unit-${PBOC.code}`, b.pbocDone + 1, 'data-done');
  await analyst.locator(`[data-testid="overview-unit-${EDU.code}"]:not([data-open="0"])`).waitFor({ state: 'visible' });
  await screenshot(analyst, ctx, 'liaison-overview');
}

async function issueLetter(analyst: Page, ctx: Ctx, story: Story): Promise<number> {
  await openLiaison(analyst, 'letters');
  const row = analyst.locator(`[data-testid="letter-table"] tr[data-testid="letter-row-${PBOC.code}"]`);
  await row.and(analyst.locator('[data-state="none"]')).waitFor({ state: 'visible' });
  const signed = await value(analyst.getByTestId('letter-stat-signed'));
  await analyst.getByTestId(`letter-issue-${PBOC.code}`).click();
  const modal = analyst.locator(`[data-testid="letter-issue"][data-unit="${PBOC.code}"]`);
  await modal.waitFor({ state: 'visible' });
  // Pre-filled with the year's title and a member unit's commitments.
  if (!/^\d{4}年度打击治理电信网络诈骗工作目标责任书$/.test(await modal.getByTestId('letter-title').inputValue())) throw new Error('the letter title was not pre-filled');
  await modal.locator('[data-testid="letter-items"][data-count="3"]').waitFor({ state: 'visible' });
  await modal.getByTestId('letter-item-add').click();
  await modal.getByTestId('letter-item-3').fill('断卡行动协同');
  await modal.getByTestId('letter-measure-3').fill(`组织辖内银行按月报送涉诈账户排查结果（${story.stamp}）`);
  await screenshot(analyst, ctx, 'liaison-letter-issue');
  await analyst.getByTestId('letter-issue-submit').click();
  await modal.waitFor({ state: 'hidden' });
  await row.and(analyst.locator('[data-state="issued"]')).waitFor({ state: 'visible' });
  await shows(analyst, 'letter-stat-signed', signed);
  return signed;
}

async function signAsMember(member: Page, ctx: Ctx, story: Story): Promise<void> {
  await openLiaison(member, 'letters');
  const row = member.locator(`[data-testid="letter-table"] tr[data-testid="letter-row-${PBOC.code}"][data-state="issued"]`);
  await row.waitFor({ state: 'visible' });
  if ((await member.locator('[data-testid="letter-table"] tr[data-testid^="letter-row-"]').count()) !== 1) throw new Error('the member unit sees other units’ letters');
  await member.getByTestId(`letter-sign-${PBOC.code}`).click();
  const drawer = member.locator(`[data-testid="letter-drawer"][data-unit="${PBOC.code}"]`);
  await drawer.waitFor({ state: 'visible' });
  await drawer.getByTestId('letter-items-table').getByText(`组织辖内银行按月报送涉诈账户排查结果（${story.stamp}）`).waitFor({ state: 'visible' });
  await screenshot(member, ctx, 'liaison-letter-sign');
  await drawer.getByTestId('letter-sign-submit').click();
  await drawer.getByTestId('letter-signed').getByText(`已于 ${chinaDay(0)} 签订`, { exact: false }).waitFor({ state: 'visible' });
  if (await drawer.getByTestId('letter-sign-form').count()) throw new Error('the sign form is still offered');
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
  await member.locator(`[data-testid="letter-table"] tr[data-testid="letter-row-${PBOC.code}"][data-state="signed"]`).waitFor({ state: 'visible' });
  await screenshot(member, ctx, 'liaison-letters-member');
}

export async function liaisonFlow(b: Browser, ctx: Ctx, report: Report, label = ''): Promise<void> {
  const contexts: BrowserContext[] = [];
  // The one 400 the flow provokes (a deadline in the past) is expected; any other API error still fails.
  let expectRefusal = false;
  const watched: Ctx = {
    ...ctx,
    noteProblem: (text) => {
      // Both the failed response and the browser's console line about it.
      if (expectRefusal && /\/api\/v1\/liaison\/meetings\b/.test(text) && /\b400\b/.test(text)) return;
      ctx.noteProblem(text);
    },
  };
  const open = async (viewport: typeof DESKTOP, phone = false) => {
    const c = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(c);
    return newWatchedPage(c, watched);
  };
  const stamp = String(Date.now()).slice(-6);
  const story: Story = {
    stamp,
    pbocTask: `组织辖内银行复查涉诈账户 ${stamp}`,
    eduTask: `组织中小学开展反诈主题班会 ${stamp}`,
    meetingNo: '',
    pbocTaskId: 0,
    reply: `已组织辖内 6 家银行完成复查，限制可疑账户 41 户（${stamp}）。`,
    before: { total: 0, open: 0, pbocTotal: 0, pbocDone: 0, lettersSigned: 0, lettersTotal: 0 },
  };
  try {
    const analyst = await open(DESKTOP);
    const member = await open(DESKTOP);

    let ok = await report.check(`${label}liaison: the analyst reads the overview and records a meeting with two decisions; a past deadline is refused on its field`, async () => {
      await login(analyst, ctx, 'center_analyst');
      await openLiaison(analyst);
      story.before = await overviewCounts(analyst);
      // The demo city has tasks open, one overdue, and letters of the year.
      if (story.before.total < 5 || story.before.lettersTotal < 5) throw new Error(`the demo office is nearly empty: ${JSON.stringify(story.before)}`);
      if ((await value(analyst.getByTestId('overview-overdue'))) < 1) throw new Error('the demo has no overdue task');
      await screenshot(analyst, ctx, 'liaison-overview-before');
      await recordMeeting(analyst, ctx, story, (on) => (expectRefusal = on));
    });
    if (!ok) return;

    ok = await report.check(`${label}liaison: the member unit's contact sees only its own task and replies; the reply is on the timeline`, async () => {
      await login(member, ctx, 'member_contact');
      await replyAsMember(member, ctx, story);
    });
    if (!ok) return;

    await report.check(`${label}liaison: the analyst sees the reply in the meeting and on the task, and the overview's counts moved`, () => analystSeesReply(analyst, ctx, story));

    await report.check(`${label}liaison: the analyst sends PBOC its letter of the year, the contact signs it, the center sees it signed`, async () => {
      const signed = await issueLetter(analyst, ctx, story);
      await signAsMember(member, ctx, story);
      await analyst.reload();
      await analyst.locator(`[data-testid="letter-table"] tr[data-testid="letter-row-${PBOC.code}"][data-state="signed"]`).waitFor({ state: 'visible' });
      await shows(analyst, 'letter-stat-signed', signed + 1);
      await screenshot(analyst, ctx, 'liaison-letters');
      await openLiaison(analyst, 'overview');
      await shows(analyst, 'overview-letters', story.before.lettersSigned + 1, 'data-signed');
      await shows(analyst, 'overview-letters', story.before.lettersTotal + 1, 'data-total');
    });

    await report.check(`${label}liaison: the overview in English, and the contact's tasks and letter on a 390×844 phone`, async () => {
      await analyst.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
      await analyst.getByTestId('module-liaison').getByRole('heading', { name: 'Joint office', exact: true }).waitFor({ state: 'visible' });
      await analyst.getByTestId('overview-unit-table').getByRole('columnheader', { name: 'Owner unit', exact: true }).waitFor({ state: 'visible' });
      await screenshot(analyst, ctx, 'liaison-overview-en');
      await analyst.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
      await analyst.getByTestId('nav-home').getByText('首页', { exact: true }).waitFor({ state: 'visible' });

      const phone = await open(PHONE, true);
      await login(phone, ctx, 'member_contact');
      await openLiaison(phone, 'tasks', true);
      await phone.getByTestId('tasks-view-all').click();
      await phone.locator(`[data-testid="task-cards"] [data-testid="task-row-${story.pbocTaskId}"][data-state="done"]`).waitFor({ state: 'visible' });
      await screenshot(phone, ctx, 'liaison-tasks-phone');
      await phone.getByTestId(`task-row-${story.pbocTaskId}`).click();
      await phone.locator(`[data-testid="task-drawer"][data-task-id="${story.pbocTaskId}"]`).getByTestId('task-reply-shown').getByText(story.reply).waitFor({ state: 'visible' });
      await screenshot(phone, ctx, 'liaison-task-phone');
      await phone.locator('[data-testid="task-drawer"] .ant-drawer-close').click();
      await phone.getByTestId('liaison-tab-letters').click();
      await phone.locator(`[data-testid="letter-cards"] [data-testid="letter-row-${PBOC.code}"][data-state="signed"]`).waitFor({ state: 'visible' });
      await screenshot(phone, ctx, 'liaison-letters-phone');
    });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}

// Run when started directly; smoke.ts may import liaisonFlow without running this.
if (startedDirectly(import.meta.url)) process.exit(await runStandalone('liaison', liaisonFlow, { password: 'Liaison-e2e-2024' }));
