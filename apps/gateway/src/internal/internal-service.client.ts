import { Injectable } from '@nestjs/common';
import { DomainError, RefusalCode, refusalKind } from '@v2v/contracts';
import { internalCallHeaders } from '@v2v/service-kit';
import { GatewayConfig, type InternalService } from '../config/gateway-config';

/**
 * Calls another app's internal API with the deployment's service credential. A refusal from that
 * service keeps its code (DON-02,
 * TRC-02, NOT_FOUND, …); an unreachable service is SERVICE_UNAVAILABLE. Features call the typed
 * client of each service (donor-intake.client.ts, …), not this one.
 */
@Injectable()
export class InternalServiceClient {
  private readonly credential: Record<string, string>;

  constructor(private readonly config: GatewayConfig) {
    this.credential = internalCallHeaders(config.internalServiceToken);
  }

  async request<T>(
    service: InternalService,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.config.serviceUrls[service]}${path}`, {
        method,
        headers: {
          ...this.credential,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        `${service} did not answer: ${(error as Error).message}`,
      );
    }
    const payload = (await response.json().catch(() => ({}))) as {
      code?: string;
      message?: string;
      details?: Record<string, unknown>;
      fieldErrors?: unknown;
    };
    if (response.ok) return payload as T;
    const code =
      payload.code && refusalKind(payload.code)
        ? (payload.code as RefusalCode)
        : 'SERVICE_UNAVAILABLE';
    throw new DomainError(code, payload.message ?? `${service} answered ${response.status}`, {
      ...(payload.details ?? {}),
      ...(payload.fieldErrors ? { fieldErrors: payload.fieldErrors } : {}),
    });
  }
}

/** A path segment from user input, encoded. */
export const segment = (value: string) => encodeURIComponent(value);
