import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { requireNoOpenEmergency } from '../../emergencies/emergency-rules';
import { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import { requireInstructionsAcknowledged } from '../../instructions-for-use/instructions-for-use-rules';
import { InstructionsForUseRepository } from '../../instructions-for-use/instructions-for-use.repository';
import { recallHoldsOf } from '../../recalls/recall-hold.repository';
import { requireNotRecalled } from '../../recalls/recall-hold-rules';
import { assertSamePatient } from '../release-rules';

/**
 * The infusion after the bedside check: the product's label and the patient's identity; never
 * of a product on hold by an open emergency or recalled (QA-04); OTH-01: only once the hospital
 * acknowledged the instructions for use that travelled with it. Both checked in the record's
 * transaction.
 */
@Injectable()
export class RecordInfusionUseCase implements StepUseCase<'recordInfusion'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly emergencies: ProductEmergencyRepository,
    private readonly instructions: InstructionsForUseRepository,
  ) {}

  async execute(input: StepInput<'recordInfusion'>): Promise<StepRecord> {
    const labelVerification = verifyLabelScan(input.donorCode, input.payload.bedsideScan);
    assertSamePatient(input.order.patientReference, input.payload.patientReference);
    return this.steps.record(
      'recordInfusion',
      input,
      {
        summary: 'infused after bedside identity check',
        detail: { ...input.payload, labelVerification },
      },
      (manager) => this.requireInfusable(manager, input.donorCode),
    );
  }

  private async requireInfusable(manager: EntityManager, donorCode: string): Promise<void> {
    requireNoOpenEmergency(donorCode, await this.emergencies.list(donorCode, manager));
    requireNotRecalled('recordInfusion', await recallHoldsOf(manager, donorCode));
    requireInstructionsAcknowledged(
      donorCode,
      await this.instructions.latestShipment(donorCode, manager),
    );
  }
}
