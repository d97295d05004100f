import { Injectable } from '@nestjs/common';
import { assertQualifiedShipper, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { findShipperQualification } from '@v2v/shipper-qualification';
import { RELEASE_SCHEMA } from '../../release.data-source';

/** The shipment that opens the leg to the site; MAT-03: only on a qualified shipper. */
@Injectable()
export class ShipToSiteUseCase implements StepUseCase<'shipToSite'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  execute(input: StepInput<'shipToSite'>): Promise<StepRecord> {
    const { payload } = input;
    return this.steps.record(
      'shipToSite',
      input,
      {
        // GEN-01: the logger packed with the product is on the record (its detail) and named here.
        summary: `shipped with ${payload.courier} on shipper ${payload.shipperId}${payload.loggerId ? ` with logger ${payload.loggerId}` : ''}`,
        detail: payload,
      },
      async (manager) => {
        const qualification = await findShipperQualification(
          manager,
          RELEASE_SCHEMA,
          payload.shipperId,
        );
        assertQualifiedShipper(
          payload.shipperId,
          'product',
          qualification,
          input.occurredAt.slice(0, 10),
        );
      },
    );
  }
}
