import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demoUserPassword } from '@v2v/testing';
import { api, checkScreen, signIn } from './support';

test('a new user signs in, is made to change the password, then reaches the board', async ({
  page,
}) => {
  const username = `console-${randomUUID().slice(0, 8)}`;
  const temporaryPassword = `amber-tundra-${randomUUID()}`;
  const created = await api.as('admin', 'POST', '/api/admin/users', {
    body: { username, displayName: 'Console scheduler', role: 'scheduler', temporaryPassword },
  });
  expect(created.status).toBe(201);

  await signIn(page, username, temporaryPassword);
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByText('首次登录或密码被重置后，必须先更改密码。')).toBeVisible();
  await checkScreen(page, 'password-change');

  // A restricted session stays on the password change (the gateway would answer 403).
  await page.goto('/');
  await expect(page).toHaveURL(/\/password$/);

  const newPassword = `glacier-fjord-${randomUUID()}`;
  await page.getByLabel('当前密码').fill(temporaryPassword);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(`${newPassword}-typo`);
  await page.getByRole('button', { name: '更改密码' }).click();
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();

  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '更改密码' }).click();
  await expect(page.getByRole('heading', { name: '患者旅程看板' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText(username);
});

test('an ended session sends the user back to sign-in with a message', async ({ page }) => {
  await signIn(page, 'ops', demoUserPassword());
  await expect(page.getByRole('heading', { name: '患者旅程看板' })).toBeVisible();
  // A token the gateway no longer accepts, as after its 15 minutes: the next call is a 401.
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = { username: 'ops', role: 'ops', mustChangePassword: false, exp: 1 };
  const expired = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.invalid-signature`;
  await page.evaluate(`sessionStorage.setItem('v2v.session', ${JSON.stringify(expired)})`);
  await page.reload();
  await expect(page.getByTestId('sign-in-notice')).toHaveText('会话已过期或已结束，请重新登录。');
  await checkScreen(page, 'sign-in-expired');
});
