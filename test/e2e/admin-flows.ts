import type { Page } from 'playwright-core';
import { openAdminPage, screenshot, type Ctx } from './flows.ts';

async function atLeast(page: Page, selector: string, n: number, what: string): Promise<number> {
  const loc = page.locator(selector);
  await loc.nth(n - 1).waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  const count = await loc.count();
  if (count < n) throw new Error(`${what}: expected at least ${n}, found ${count}`);
  return count;
}

export async function checkOrgs(page: Page, ctx: Ctx): Promise<void> {
  await openAdminPage(page, 'orgs');
  await atLeast(page, '[data-testid="org-tree"] .ant-tree-treenode', 3, 'org tree nodes');
  await page.getByTestId('org-detail').waitFor({ state: 'visible' });
  // Search narrows the tree to a bank and the path to it.
  await page.getByTestId('org-search').fill('ICBC');
  await page.locator('[data-testid="org-tree"] .ant-tree-title', { hasText: '中国工商银行示例市分行' }).first().click();
  await page.getByTestId('org-detail').getByText('ICBC', { exact: true }).waitFor({ state: 'visible' });
  await page.getByTestId('org-search').fill('');
  await screenshot(page, ctx, 'admin-orgs');
}

export async function checkUsers(page: Page, ctx: Ctx): Promise<void> {
  await openAdminPage(page, 'users');
  await atLeast(page, '[data-testid="users-table"] tbody tr.ant-table-row', 5, 'user rows');
  // Revealing a masked phone number asks first (the reveal is audited), then shows all 11 digits.
  const reveal = page.locator('[data-testid^="reveal-"]').first();
  const id = ((await reveal.getAttribute('data-testid')) ?? '').replace('reveal-', '');
  await reveal.click();
  await page.getByTestId('reveal-confirm').click();
  const revealed = page.getByTestId(`phone-revealed-${id}`);
  await revealed.waitFor({ state: 'visible', timeout: 20_000 });
  const phone = await revealed.innerText();
  if (!/^1\d{10}$/.test(phone.trim())) throw new Error(`revealed phone looks wrong: ${phone}`);
  await screenshot(page, ctx, 'admin-users');
}

async function bearerStatus(ctx: Ctx, token: string): Promise<number> {
  const res = await fetch(`${ctx.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  return res.status;
}

/** Issues a token to a bank through the dialog, proves it works, revokes it, proves it no longer does. */
export async function checkTokens(page: Page, ctx: Ctx): Promise<void> {
  await openAdminPage(page, 'tokens');
  await page.getByTestId('tokens-table').waitFor({ state: 'visible' });
  await page.getByTestId('token-new').click();
  // antd puts a modal's data-testid on its zero-size root: wait for the form inside instead.
  await page.getByTestId('token-name').waitFor({ state: 'visible' });
  await page.getByTestId('token-name').fill('smoke test link');
  await page.getByTestId('token-org').click();
  await page.keyboard.type('ICBC');
  await page.locator('.ant-select-tree-title', { hasText: /^中国工商银行示例市分行（银行）$/ }).click();
  // A bank has exactly one fitting role, which the dialog picks by itself.
  await page.getByTestId('token-role').getByText('银行联络员').waitFor({ state: 'visible' });
  await page.getByTestId('token-create-submit').click();

  const value = page.getByTestId('token-value');
  await value.waitFor({ state: 'visible', timeout: 10_000 });
  const token = await value.inputValue();
  if (!token.startsWith('fz_')) throw new Error(`token shown does not look like one: ${token.slice(0, 6)}…`);
  await screenshot(page, ctx, 'admin-token-shown');
  if ((await bearerStatus(ctx, token)) !== 200) throw new Error('the new token is refused by GET /api/v1/me');
  await page.getByTestId('token-shown-close').click();
  await value.waitFor({ state: 'hidden' });

  const row = page.locator('[data-testid="tokens-table"] tr.ant-table-row', { hasText: 'smoke test link' });
  await row.locator('[data-status="active"]').waitFor({ state: 'visible' });
  await row.locator('[data-testid^="token-revoke-"]').click();
  await page.getByTestId('token-revoke-confirm').click();
  await row.locator('[data-status="revoked"]').waitFor({ state: 'visible', timeout: 10_000 });
  if ((await bearerStatus(ctx, token)) !== 401) throw new Error('the revoked token still works');
  await screenshot(page, ctx, 'admin-tokens');
}

export async function checkAudit(page: Page, ctx: Ctx): Promise<void> {
  await openAdminPage(page, 'audit');
  await atLeast(page, '[data-testid="audit-table"] tbody tr.ant-table-row', 3, 'audit rows');
  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('audit-verify-result');
  await result.waitFor({ state: 'visible', timeout: 15_000 });
  if ((await result.getAttribute('data-ok')) !== 'true') throw new Error(`hash chain verification failed: ${await result.innerText()}`);
  await page.locator('[data-testid="audit-table"] .ant-table-row-expand-icon').first().click();
  await page.locator('[data-testid^="audit-detail-"]').first().waitFor({ state: 'visible' });
  await screenshot(page, ctx, 'admin-audit');
}
