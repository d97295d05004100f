import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type DeviationNotice, StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { announceEmergency } from '../../emergencies/emergency-raised';
import { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import {
  emergenciesOfSiteReceipt,
  type SiteEmergencyFinding,
} from '../../emergencies/site-emergency-rules';
import { recallHoldsOf } from '../../recalls/recall-hold.repository';
import { requireNotRecalled } from '../../recalls/recall-hold-rules';

/**
 * Receipt at the treatment site with its inspection and the label scan (TRC-03); closes the leg.
 * QA-04: a recalled product is not received into use. What the inspection finds wrong (damaged
 * packaging or bag, a lost, illegible or wrong label) does not refuse the receipt: the product
 * is at the site. Each finding opens an emergency in the receipt's transaction, which the
 * journey records as its deviation at once; the product is on hold until QA closes it.
 */
@Injectable()
export class ReceiveAtSiteUseCase implements StepUseCase<'receiveAtSite'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly emergencies: ProductEmergencyRepository,
  ) {}

  async execute(input: StepInput<'receiveAtSite'>): Promise<StepRecord> {
    const { donorCode, payload } = input;
    const findings = emergenciesOfSiteReceipt(donorCode, payload);
    const scanMatched = payload.labelScan && !findings.some((f) => f.kind === 'wrong-label');
    const labelVerification = scanMatched ? verifyLabelScan(donorCode, payload.labelScan!) : null;
    return this.steps.recordWithFindings(
      'receiveAtSite',
      input,
      {
        summary: findings.length
          ? `received at the treatment site: ${findings.map((f) => f.kind).join(', ')}; on hold (QA-04)`
          : 'received at the treatment site, inspected, label verified',
        detail: { ...payload, labelVerification },
      },
      async (manager) => {
        requireNotRecalled('receiveAtSite', await recallHoldsOf(manager, donorCode));
        const deviations: DeviationNotice[] = [];
        for (const finding of findings) deviations.push(await this.raise(manager, input, finding));
        return deviations.length ? { deviations } : {};
      },
    );
  }

  private async raise(
    manager: EntityManager,
    input: StepInput<'receiveAtSite'>,
    finding: SiteEmergencyFinding,
  ): Promise<DeviationNotice> {
    const record = {
      emergencyId: randomUUID(),
      donorCode: input.donorCode,
      journeyId: input.journeyId,
      ...finding,
      siteSource: 'receipt' as const,
      foundAt: new Date(input.payload.receivedAt).toISOString(),
      foundBy: input.actor,
      raisedAt: input.occurredAt,
      stepEventId: input.eventId,
    };
    await this.emergencies.insertSiteEmergency(manager, record);
    return announceEmergency(manager, input, record, record, {
      kind: finding.kind,
      source: 'site-receipt',
    });
  }
}
