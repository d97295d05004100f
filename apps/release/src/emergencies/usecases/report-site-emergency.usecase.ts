import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type DeviationNotice,
  DomainError,
  journeyWorkflowId,
  type ReportSiteEmergencyCommand,
  requireDonorCode,
  requireOperationRole,
} from '@v2v/contracts';
import { announceEmergency } from '../emergency-raised';
import { type ProductEmergency, ProductEmergencyRepository } from '../product-emergency.repository';
import { requireReportableAtSite, siteReportDescription } from '../site-emergency-rules';

const noticeOf = (e: ProductEmergency): DeviationNotice => ({
  deviationId: e.deviationId,
  rule: 'QA-04',
  detectedAt: new Date(e.raisedAt).toISOString(),
  description: e.description,
});

/**
 * QA-04 (§12): the hospital reports an emergency on the product after its receipt (a damaged
 * bag, a wrong, illegible or lost label, a temperature excursion in use): out of band like a
 * refused bedside check, not a journey step. In one transaction: the emergency (the product on
 * hold until QA closes it), its audit entry and `deviation.raised.v1` (QA's deviations list, the
 * institution's feed); the gateway signals the journey with the notice returned. Once per event
 * id: a repeat returns the same notice.
 */
@Injectable()
export class ReportSiteEmergencyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emergencies: ProductEmergencyRepository,
  ) {}

  execute(command: ReportSiteEmergencyCommand): Promise<DeviationNotice> {
    requireOperationRole('reportSiteEmergency', command.reportedBy);
    const donorCode = requireDonorCode(command.donorCode);
    const journeyId = journeyWorkflowId(donorCode);
    return this.dataSource.transaction(async (manager) => {
      const earlier = await this.emergencies.siteReportOf(manager, command.eventId);
      if (earlier) {
        if (earlier.donorCode !== donorCode || earlier.kind !== command.kind)
          throw new DomainError(
            'IDEMPOTENCY_CONFLICT',
            `event id ${command.eventId} already reported emergency ${earlier.deviationId}`,
          );
        return noticeOf(earlier);
      }
      const foundAt = new Date(command.foundAt).toISOString();
      requireReportableAtSite(
        donorCode,
        await this.emergencies.siteStanding(manager, donorCode),
        foundAt,
      );
      const raisedAt = new Date().toISOString();
      const record = {
        emergencyId: randomUUID(),
        donorCode,
        journeyId,
        kind: command.kind,
        siteSource: 'report' as const,
        description: siteReportDescription(donorCode, command),
        foundAt,
        foundBy: command.reportedBy,
        raisedAt,
        stepEventId: command.eventId,
      };
      // A concurrent repeat of the event id recorded it first: its notice, announced once.
      if (!(await this.emergencies.insertSiteEmergency(manager, record)))
        return noticeOf((await this.emergencies.siteReportOf(manager, command.eventId))!);
      return announceEmergency(
        manager,
        { donorCode, journeyId, actor: command.reportedBy, occurredAt: raisedAt },
        record,
        { ...record, report: command.description.trim() },
        { kind: command.kind, source: 'site-report', foundAt },
      );
    });
  }
}
