import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { requireTwoBedsideClinicians, StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, requireValidPayload, StepInput, StepUseCase } from '@v2v/service-kit';
import { bedsideMismatch, bedsideMismatchRefusal } from '../../emergencies/bedside-rules';
import { requireNoOpenEmergency, requireNotDisposedOf } from '../../emergencies/emergency-rules';
import { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import { RaiseBedsideMismatchUseCase } from '../../emergencies/usecases/raise-bedside-mismatch.usecase';
import { requireInstructionsAcknowledged } from '../../instructions-for-use/instructions-for-use-rules';
import { InstructionsForUseRepository } from '../../instructions-for-use/instructions-for-use.repository';
import { recallHoldsOf } from '../../recalls/recall-hold.repository';
import { requireNotRecalled } from '../../recalls/recall-hold-rules';

/**
 * The infusion and its use record after the bedside check by two different clinicians, each
 * scanning the product's label and the patient's reference (OTH-02, TRC-03; both scans kept in
 * the record). A scan that does not match raises an emergency before the refusal (QA-04). In
 * the record's transaction: never of a product on hold by an open emergency or recalled (QA-04),
 * and only once the hospital acknowledged the instructions for use that travelled with it
 * (OTH-01).
 */
@Injectable()
export class RecordInfusionUseCase implements StepUseCase<'recordInfusion'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly emergencies: ProductEmergencyRepository,
    private readonly mismatches: RaiseBedsideMismatchUseCase,
    private readonly instructions: InstructionsForUseRepository,
  ) {}

  async execute(input: StepInput<'recordInfusion'>): Promise<StepRecord> {
    const { donorCode, payload } = input;
    // Checked before anything is decided: a malformed payload raises no emergency.
    requireValidPayload('recordInfusion', payload, Date.parse(input.occurredAt));
    const mismatch = bedsideMismatch(
      donorCode,
      input.order.patientReference,
      payload.verifications,
    );
    if (mismatch) throw bedsideMismatchRefusal(await this.mismatches.execute(input, mismatch));
    requireTwoBedsideClinicians(input.actor.userId, payload.verifications);
    const labelVerifications = payload.verifications.map((v) =>
      verifyLabelScan(donorCode, v.labelScan),
    );
    return this.steps.record(
      'recordInfusion',
      input,
      {
        summary: 'infused after bedside identity check',
        detail: { ...payload, labelVerifications },
      },
      (manager) => this.requireInfusable(manager, donorCode),
    );
  }

  private async requireInfusable(manager: EntityManager, donorCode: string): Promise<void> {
    const emergencies = await this.emergencies.list(donorCode, manager);
    requireNoOpenEmergency(donorCode, emergencies);
    requireNotDisposedOf(donorCode, emergencies);
    requireNotRecalled('recordInfusion', await recallHoldsOf(manager, donorCode));
    requireInstructionsAcknowledged(
      donorCode,
      await this.instructions.latestShipment(donorCode, manager),
    );
  }
}
