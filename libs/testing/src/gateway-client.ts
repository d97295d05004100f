import type { JourneyStep, Role, TemperatureReadings } from '@v2v/contracts';
import { runBatchRecord } from './batch-record-script';
import type { ScriptedStep } from './journey-script';
import { demoUserPassword } from './demo-credentials';
import { recordDonorMaterialTests } from './donor-material-script';
import { acknowledgeInstructionsForUse } from './instructions-for-use';
import { pollUntil } from './poll';
import { prepareRelease } from './release-preparation';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

/** Kebab route segment of each step: `recordCollection` → `record-collection`. */
export function stepRoute(step: JourneyStep): string {
  if (step === 'cancelJourney') return 'cancel';
  return step.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** How a client's scripts wait for a platform that is slower than usual (under faults). */
export interface GatewayClientOptions {
  /** How many times the scripts' usual waits (for Kafka, the ledger, the journey) it waits: 1. */
  patience?: number;
  /**
   * How long a demo booking refused PRD-04 while another journey holds the room waits its turn
   * and books again (`bookWhenRoomFree`; its default, 3 min, when unset).
   */
  roomTurnMs?: number;
}

/**
 * A small typed client of the public API, used by `npm run demo` and the end-to-end
 * tests so both drive the platform exactly as a user's tool would.
 */
export class GatewayClient {
  /**
   * One sign-in per user, shared by the requests that wait for it: fifty first requests of a
   * burst signing in at once are fifty password entries in flight, which CSV-03 counts as
   * failures until they settle, so most of them were refused TOO_MANY_ATTEMPTS.
   */
  protected readonly tokens = new Map<string, Promise<string>>();

  constructor(
    readonly baseUrl: string,
    private readonly password = demoUserPassword(),
    readonly options: GatewayClientOptions = {},
  ) {}

  /** One of the scripts' waits, stretched by the client's patience. */
  waitMs(ms: number): number {
    return ms * (this.options.patience ?? 1);
  }

  /** Logs in as a seeded user; the seeded usernames are the role names (plus hospital-inst-002). */
  login(username: Role | string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const signedIn = this.signIn(username);
    this.tokens.set(username, signedIn);
    // A failed sign-in is not kept: the next request tries again.
    signedIn.catch(() => {
      if (this.tokens.get(username) === signedIn) this.tokens.delete(username);
    });
    return signedIn;
  }

  private async signIn(username: string): Promise<string> {
    const res = await this.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password: this.password },
    });
    if (res.status !== 200 && res.status !== 201) {
      throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.accessToken;
  }

  async as<T = unknown>(
    user: Role | string,
    method: string,
    path: string,
    options: { body?: unknown; idempotencyKey?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const token = await this.login(user);
    return this.request<T>(method, path, { ...options, token });
  }

  step<T = unknown>(
    user: Role | string,
    donorCode: string,
    step: JourneyStep,
    payload: unknown,
    idempotencyKey?: string,
  ) {
    return this.as<T>(
      user,
      'POST',
      `/api/journeys/${encodeURIComponent(donorCode)}/${stepRoute(step)}`,
      {
        body: payload,
        idempotencyKey,
      },
    );
  }

  /**
   * Uploads a logger's readings as the data-logger account and waits until donor-intake has
   * stored them (they travel through Kafka), as an operator would check before receipt.
   */
  async uploadReadings(readings: TemperatureReadings): Promise<void> {
    const before = await this.storedReadings(readings.donorCode);
    const res = await this.as('data-logger', 'POST', '/api/telemetry/readings', { body: readings });
    if (res.status !== 202)
      throw new Error(`telemetry upload refused: ${res.status} ${JSON.stringify(res.body)}`);
    await pollUntil(
      `${readings.readings.length} readings of ${readings.donorCode} stored`,
      async () =>
        (await this.storedReadings(readings.donorCode)) >= before + readings.readings.length
          ? true
          : undefined,
      { timeoutMs: this.waitMs(30_000) },
    );
  }

  private async storedReadings(donorCode: string): Promise<number> {
    const res = await this.as<{ count: number }>(
      'ops',
      'GET',
      `/api/journeys/${encodeURIComponent(donorCode)}/temperature-readings`,
    );
    if (res.status !== 200)
      throw new Error(
        `reading the stored readings failed: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res.body.count;
  }

  /**
   * A scripted step as its user takes it, after uploading the logger readings it needs; after
   * production's start, the batch record through to qc (runBatchRecord); after the receipt,
   * QC's donor material test results; before the release, QA's review and QC's retention
   * samples (prepareRelease); before the infusion, the hospital's acknowledgement of the
   * instructions for use (acknowledgeInstructions). `user` takes the step instead of the role's
   * demo user (the hospital user of another institution).
   */
  async run<T = unknown>(
    donorCode: string,
    scripted: ScriptedStep,
    idempotencyKey?: string,
    user: string = scripted.role,
  ): Promise<HttpResult<T>> {
    if (scripted.telemetry) await this.uploadReadings(scripted.telemetry);
    if (scripted.prepareRelease)
      await prepareRelease(this, donorCode, { signerPassword: this.password });
    if (scripted.acknowledgeInstructions)
      await acknowledgeInstructionsForUse(this, donorCode, user);
    const res = await this.step<T>(
      user,
      donorCode,
      scripted.step,
      scripted.payload,
      idempotencyKey,
    );
    if (scripted.batchRecord && res.status === 200) await runBatchRecord(this, donorCode);
    if (scripted.donorMaterialTests && res.status === 200)
      await recordDonorMaterialTests(this, donorCode, scripted.donorMaterialTests);
    return res;
  }

  /** `headers`: more request headers, as a caller's own (a W3C `traceparent`). */
  async request<T = unknown>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      idempotencyKey?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (e.g. the Swagger UI page): keep the text.
    }
    return { status: response.status, body: body as T };
  }
}
