import { Injectable } from '@nestjs/common';
import { StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { requireNoOpenEmergency } from '../../emergencies/emergency-rules';
import { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import { recallHoldsOf } from '../../recalls/recall-hold.repository';
import { requireNotRecalled } from '../../recalls/recall-hold-rules';
import { assertSamePatient } from '../release-rules';

/**
 * The infusion after the bedside check: the product's label and the patient's identity; never
 * of a product on hold by an open emergency (QA-04), checked in the record's transaction.
 */
@Injectable()
export class RecordInfusionUseCase implements StepUseCase<'recordInfusion'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly emergencies: ProductEmergencyRepository,
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
      async (manager) => {
        requireNoOpenEmergency(
          input.donorCode,
          await this.emergencies.list(input.donorCode, manager),
        );
        requireNotRecalled('recordInfusion', await recallHoldsOf(manager, input.donorCode));
      },
    );
  }
}
