import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { GatewayClient } from '@v2v/testing';
import { ARTIFACTS } from './playwright.config';

/**
 * The gateway as the tests' API client: journeys are driven to a screen through it. (Its
 * port is SERVICE_PORTS.gateway; @v2v/service-kit is not imported here, it loads NestJS.)
 */
export const api = new GatewayClient(process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000');

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  // Signed in once the console leaves the sign-in screen (to the board or the password change).
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

/**
 * A main screen's check: axe-core finds no serious or critical violation, and the screen is
 * kept as a screenshot artifact (.data/console/screenshots).
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(ARTIFACTS, 'screenshots', `${name}.png`),
    fullPage: true,
  });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility of ${name}`).toEqual([]);
}

/** A patient reference no other run uses. */
export const patientReference = () => `PAT-${Math.random().toString(36).slice(2, 10)}`;
