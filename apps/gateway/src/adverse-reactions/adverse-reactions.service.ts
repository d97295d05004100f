import { Injectable } from '@nestjs/common';
import type { AdverseReactionReport } from '@v2v/contracts';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ReleaseAdverseReactionsClient } from './release-adverse-reactions.client';

/** The hospital's adverse reaction reports at the edge: the reporter and event id added. */
@Injectable()
export class AdverseReactionsService {
  constructor(
    private readonly release: ReleaseAdverseReactionsClient,
    private readonly eventIds: EventIds,
  ) {}

  /** `donorCode` is canonical. */
  report(
    donorCode: string,
    report: AdverseReactionReport,
    caller: { user: AuthenticatedUser; idempotency?: IdempotencyScope },
  ) {
    return this.release.report({
      ...report,
      donorCode,
      eventId: this.eventIds.of(caller.idempotency),
      reportedBy: actorOf(caller.user),
    });
  }

  ofJourney(donorCode: string) {
    return this.release.ofJourney(donorCode);
  }
}
