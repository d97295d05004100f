import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { countRefusal, DomainErrorFilter } from '@v2v/service-kit';
import { AccessRefusalLog } from './access-refusal.log';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { recordableRefusal } from './recordable-refusal';

/**
 * The gateway's one exception filter: the shared mapping of domain refusals to HTTP, and
 * before the answer leaves, the refusal of an authenticated request on record with who, what,
 * when and the rule (CSV-03, PRD-06, TRC-03), whichever controller or guard refused it.
 */
@Catch()
export class RefusalRecordingFilter extends DomainErrorFilter {
  private readonly failures = new Logger('RefusalRecordingFilter');

  constructor(private readonly refusals: AccessRefusalLog) {
    super();
  }

  override catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    countRefusal(error, request);
    const user = request.user;
    const refusal = user ? recordableRefusal(error) : undefined;
    if (!user || !refusal) return this.answer(error, host);
    const { username, role } = user;
    void this.refusals
      .record({ username, role, method: request.method, path: request.originalUrl, ...refusal })
      // The refusal is answered whether or not its record could be written; a lost record
      // is logged as an error, never answered as a success.
      .catch((failure: unknown) =>
        this.failures.error(`refusal not recorded: ${(failure as Error).message}`),
      )
      .finally(() => this.answer(error, host));
  }

  /** The answer sent once the refusal is on record: the shared JSON body (FHIR: its own). */
  protected answer(error: unknown, host: ArgumentsHost): void {
    this.respond(error, host);
  }
}
