import { randomUUID } from 'node:crypto';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { GatewayClient } from '@v2v/testing';

export const BASE = `http://127.0.0.1:${SERVICE_PORTS.gateway}`;
export const api = new GatewayClient(BASE);

export interface Refusal {
  code: string;
  message: string;
  details?: { fieldErrors?: Array<{ path: string; message: string }> };
  fieldErrors?: Array<{ path: string; message: string }>;
}
export interface Account {
  username: string;
  role: string;
  institutionId: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
}
export interface TrainingRecord {
  id: string;
  operation: string;
  withdrawal: { by: string; reason: string } | null;
}
export interface Login {
  accessToken: string;
  mustChangePassword: boolean;
}

/** What the account e2e files share: the gateway, account builders, logins. */

// Every test works on accounts it creates, so lockouts and withdrawals never touch the demo users.
export const unique = () => randomUUID().slice(0, 8);
export const strongPassword = () => `amber-tundra-${randomUUID()}`;
export const today = (days = 0) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** Field errors of a 400, from zod (top level) or from a use case (details). */
export const fields = (body: Refusal) =>
  (body.fieldErrors ?? body.details?.fieldErrors ?? []).map((f) => f.path);

export const login = (username: string, password: string) =>
  api.request<Login & Refusal>('POST', '/api/auth/login', { body: { username, password } });

/** A login with its headers and its time, for the lockout's Retry-After and equal timing. */
export async function timedLogin(username: string, password: string) {
  const started = performance.now();
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Refusal & { retryAfterSeconds?: number },
    retryAfter: response.headers.get('retry-after'),
    ms: performance.now() - started,
  };
}

export const createUser = (body: Record<string, unknown>, as = 'admin') =>
  api.as<Account & Refusal>(as, 'POST', '/api/admin/users', { body });

/** An account created by the admin and through its first-login password change. */
export async function activeUser(role: string, institutionId?: string) {
  const username = `${role}-${unique()}`;
  const temporaryPassword = strongPassword();
  const created = await createUser({
    username,
    displayName: `E2E ${role}`,
    role,
    ...(institutionId ? { institutionId } : {}),
    temporaryPassword,
  });
  expect(created.status).toBe(201);
  const first = await login(username, temporaryPassword);
  const password = strongPassword();
  const changed = await api.request('POST', '/api/auth/password', {
    body: { currentPassword: temporaryPassword, newPassword: password },
    token: first.body.accessToken,
  });
  expect(changed.status).toBe(204);
  const token = (await login(username, password)).body.accessToken;
  return { username, password, token };
}
