import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './gateway-api';
import { refusalOf, type Refusal } from './refusal';

/** Why the console must leave the current screen, whatever screen made the call. */
export type SessionEvent = 'expired' | 'password-change-required';

let currentToken: string | undefined;
let onSessionEvent: (event: SessionEvent) => void = () => undefined;

export function setApiToken(token: string | undefined): void {
  currentToken = token;
}

export function onSession(handler: (event: SessionEvent) => void): void {
  onSessionEvent = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (currentToken) request.headers.set('authorization', `Bearer ${currentToken}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (!currentToken || request.url.endsWith('/api/auth/login')) return response;
    // A 401 on a signed-in call is an expired or ended session: back to sign-in.
    if (response.status === 401) onSessionEvent('expired');
    if (response.status === 403) {
      const body = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (body?.code === 'PASSWORD_CHANGE_REQUIRED') onSessionEvent('password-change-required');
    }
    return response;
  },
};

/** The gateway's public API, typed from its OpenAPI document (`npm run console:api`). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** The answer of a call: its data, or the refusal the console shows. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; refusal: Refusal };

export async function outcome<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok) return { ok: true, data: data as T };
    return { ok: false, refusal: refusalOf(response.status, error) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, refusal: { status: 0, code: 'NETWORK', message, fieldErrors: [] } };
  }
}

/** A fresh key per submitted form: a retried request is not taken twice. */
export const idempotencyKey = () => crypto.randomUUID();

/** The path and Idempotency-Key of a journey step's request. */
export const stepParams = (donorCode: string) => ({
  path: { donorCode },
  header: { 'Idempotency-Key': idempotencyKey() },
});
