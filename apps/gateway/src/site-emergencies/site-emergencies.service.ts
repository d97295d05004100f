import { Injectable } from '@nestjs/common';
import {
  deviationRaisedSignal,
  DomainError,
  journeyWorkflowId,
  type SiteEmergencyReport,
} from '@v2v/contracts';
import { TemporalClientPort } from '@v2v/service-kit';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { ReleaseEmergencyClient } from '../deviations/release-emergency.client';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { emergencyReportPdf, type EmergencyOnRecord } from './emergency-report.pdf';
import { ReleaseSiteEmergenciesClient } from './release-site-emergencies.client';

/**
 * QA-04: the hospital's emergency report at the edge: the reporter and event id added, recorded
 * by the release service, then signalled to the journey, which records the deviation once
 * (a repeat of the event id signals the same notice again, harmlessly).
 */
@Injectable()
export class SiteEmergenciesService {
  constructor(
    private readonly release: ReleaseSiteEmergenciesClient,
    private readonly eventIds: EventIds,
    private readonly temporal: TemporalClientPort,
    private readonly emergencies: ReleaseEmergencyClient,
  ) {}

  /** QA-04: the report of one of the journey's emergencies, as PDF. `donorCode` is canonical. */
  async reportPdf(donorCode: string, emergencyId: string): Promise<Buffer> {
    const listed = (await this.emergencies.emergencies(donorCode)) as EmergencyOnRecord[];
    const emergency = listed.find((e) => e.deviationId === emergencyId);
    if (!emergency)
      throw new DomainError('NOT_FOUND', `no emergency ${emergencyId} on journey ${donorCode}`);
    return emergencyReportPdf(emergency);
  }

  /** `donorCode` is canonical. */
  async report(
    donorCode: string,
    report: SiteEmergencyReport,
    caller: { user: AuthenticatedUser; idempotency?: IdempotencyScope },
  ) {
    const notice = await this.release.report({
      ...report,
      donorCode,
      eventId: this.eventIds.of(caller.idempotency),
      reportedBy: actorOf(caller.user),
    });
    await this.temporal.signalIfRunning(
      journeyWorkflowId(donorCode),
      deviationRaisedSignal,
      notice,
    );
    return notice;
  }
}
