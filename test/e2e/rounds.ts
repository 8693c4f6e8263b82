import type { Browser } from 'playwright-core';
import { ROLES, type Role } from '../../src/lib/roles.ts';
import { checkAudit, checkOrgs, checkTokens, checkUsers } from './admin-flows.ts';
import { assertMenu, DESKTOP, login, logout, menuModules, newWatchedPage, PHONE, screenshot, type Ctx } from './flows.ts';
import type { Report } from './report.ts';

/** One role at desktop size: sign in, home and menu, the role's extra checks, sign out. */
async function roleRound(b: Browser, ctx: Ctx, report: Report, label: string, role: Role): Promise<void> {
  const context = await b.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  try {
    const page = await newWatchedPage(context, ctx);
    await report.check(`${label}${role}: sign in, home page and menu`, async () => {
      await login(page, ctx, role);
      assertMenu(role, await menuModules(page));
      await screenshot(page, ctx, `home-${role}`);
    });
    if (role === 'admin') {
      await report.check(`${label}admin: organisations tree`, () => checkOrgs(page, ctx));
      await report.check(`${label}admin: users table and an audited phone reveal`, () => checkUsers(page, ctx));
      await report.check(`${label}admin: issue and revoke an API token`, () => checkTokens(page, ctx));
      await report.check(`${label}admin: audit log and hash chain`, () => checkAudit(page, ctx));
    }
    if (role === 'viewer') {
      await report.check(`${label}viewer: English, the funds and outreach modules read-only`, async () => {
        await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
        await page.getByTestId('nav-home').getByText('Home', { exact: true }).waitFor({ state: 'visible' });
        await page.getByTestId('nav-funds').click();
        await page.getByTestId('module-funds').getByText('Stop-payments', { exact: true }).waitFor({ state: 'visible' });
        await page.getByTestId('request-table').waitFor({ state: 'visible' });
        await screenshot(page, ctx, 'module-funds-en');
        await page.getByTestId('nav-outreach').click();
        await page.getByTestId('module-outreach').getByRole('heading', { name: 'Outreach', exact: true }).waitFor({ state: 'visible' });
        await page.getByTestId('activity-table').waitFor({ state: 'visible' });
        if (await page.getByTestId('activity-new').count()) throw new Error('a viewer is offered to record an activity');
        await page.getByTestId('lang-switch').getByText('中文', { exact: true }).click();
        await page.getByTestId('nav-home').getByText('首页', { exact: true }).waitFor({ state: 'visible' });
      });
    }
    await report.check(`${label}${role}: sign out`, () => logout(page, false));
  } finally {
    await context.close();
  }
}

/** Grid workers use phones: the side menu must work as a drawer at 390×844. */
async function phoneRound(b: Browser, ctx: Ctx, report: Report, label: string): Promise<void> {
  const context = await b.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const page = await newWatchedPage(context, ctx);
    await report.check(`${label}grid_worker on a phone: drawer menu`, async () => {
      await login(page, ctx, 'grid_worker');
      await screenshot(page, ctx, 'home-grid_worker-phone');
      await page.getByTestId('open-menu').click();
      await page.getByTestId('nav-menu').waitFor({ state: 'visible' });
      assertMenu('grid_worker', await menuModules(page));
      await screenshot(page, ctx, 'menu-grid_worker-phone');
      // The warnings module is being built: accept its page or the placeholder, whichever is there.
      await page.getByTestId('nav-warnings').click();
      await page.waitForURL('**/warnings**');
      await page.getByTestId('nav-menu').waitFor({ state: 'hidden' });
      await logout(page, true);
    });
  } finally {
    await context.close();
  }
}

export async function allRounds(b: Browser, ctx: Ctx, report: Report, label: string): Promise<void> {
  for (const role of ROLES) await roleRound(b, ctx, report, label, role);
  await phoneRound(b, ctx, report, label);
}
