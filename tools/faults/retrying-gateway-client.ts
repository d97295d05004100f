import { randomUUID } from 'node:crypto';
import { GatewayClient, type GatewayClientOptions, type HttpResult } from '@v2v/testing';

/** What a retry was for: a status of 500 and up, or no answer at all (connection, timeout). */
export type RetryCause = number | 'no answer';

/**
 * A client that does not give up while the platform's processes and servers are killed and
 * started again (CSV-01, GEN-02), as the crash e2e's client does, for every request the
 * scripts send:
 * - every command (an authenticated POST) carries an Idempotency-Key, its own when the script
 *   gave none, and a retry sends the same key and the same body, so a command whose answer was
 *   lost is recorded once;
 * - a dropped connection, a timeout or a 5xx is retried with a growing pause until
 *   `requestPatienceMs` has passed; any other answer is returned as it is;
 * - a 401 (a token that expired during a long run) logs in again, once.
 * Counts what it retried and the commands answered 2xx (the fault suite's measure of progress).
 */
export class RetryingGatewayClient extends GatewayClient {
  readonly retried = new Map<RetryCause, number>();
  /** The 500s among them by route (segments with a digit elided): where an outage leaked. */
  readonly internalErrors = new Map<string, number>();
  private answeredCommands = 0;

  constructor(
    baseUrl: string,
    private readonly requestPatienceMs: number,
    options: GatewayClientOptions,
  ) {
    super(baseUrl, undefined, options);
  }

  /** Commands answered 2xx so far. */
  get commandsAnswered(): number {
    return this.answeredCommands;
  }

  override async as<T = unknown>(
    user: string,
    method: string,
    path: string,
    options: { body?: unknown; idempotencyKey?: string } = {},
  ): Promise<HttpResult<T>> {
    // One key for this command however often it is sent, the login again included.
    const sent =
      method === 'POST' && !options.idempotencyKey
        ? { ...options, idempotencyKey: randomUUID() }
        : options;
    const res = await super.as<T>(user, method, path, sent);
    if (res.status !== 401) return res;
    this.tokens.delete(user);
    return super.as<T>(user, method, path, sent);
  }

  override async request<T = unknown>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; idempotencyKey?: string } = {},
  ): Promise<HttpResult<T>> {
    const deadline = Date.now() + this.requestPatienceMs;
    for (let attempt = 1; ; attempt += 1) {
      let cause: RetryCause;
      try {
        const res = await super.request<T>(method, path, options);
        if (res.status < 500) {
          if (method === 'POST' && options.token && res.status < 300) this.answeredCommands += 1;
          return res;
        }
        if (res.status === 500) {
          const route = `${method} ${path.split('?')[0].replace(/\/[^/]*\d[^/]*/g, '/…')}`;
          this.internalErrors.set(route, (this.internalErrors.get(route) ?? 0) + 1);
        }
        if (Date.now() >= deadline) return res;
        cause = res.status;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        cause = 'no answer';
      }
      this.retried.set(cause, (this.retried.get(cause) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
    }
  }
}
