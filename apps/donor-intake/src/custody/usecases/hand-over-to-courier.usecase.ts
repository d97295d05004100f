import { Injectable } from '@nestjs/common';
import { assertQualifiedShipper, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { findShipperQualification } from '@v2v/shipper-qualification';
import { positiveFlag, withPositiveFlag } from '../../material/known-positive.rules';
import { DONOR_INTAKE_SCHEMA } from '../../donor-intake.data-source';

/** The hand-over that opens the transport leg; MAT-03: only on a qualified shipper. */
@Injectable()
export class HandOverToCourierUseCase implements StepUseCase<'handOverToCourier'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  execute(input: StepInput<'handOverToCourier'>): Promise<StepRecord> {
    const { payload, knownPositiveMarkers } = input;
    return this.steps.record(
      'handOverToCourier',
      input,
      {
        summary: withPositiveFlag(
          knownPositiveMarkers,
          `package ${payload.packageId} handed to ${payload.courier} on shipper ${payload.shipperId}${payload.loggerId ? ` with logger ${payload.loggerId}` : ''}`,
        ),
        detail: {
          ...payload,
          knownPositiveMarkers,
          packageFlag: positiveFlag(knownPositiveMarkers) ?? null,
        },
      },
      async (manager) => {
        const qualification = await findShipperQualification(
          manager,
          DONOR_INTAKE_SCHEMA,
          payload.shipperId,
        );
        assertQualifiedShipper(
          payload.shipperId,
          'donor-material',
          qualification,
          input.occurredAt.slice(0, 10),
        );
      },
    );
  }
}
