import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertQualifiedShipper, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { findShipperQualification } from '@v2v/shipper-qualification';
import {
  instructionsHash,
  requireInstructionsForUse,
} from '../../instructions-for-use/instructions-for-use-rules';
import { InstructionsForUseRepository } from '../../instructions-for-use/instructions-for-use.repository';
import { RELEASE_SCHEMA } from '../../release.data-source';
import { requireReleaseNotVoid } from '../release-standing-rules';
import { ReleaseVoidingRepository } from '../release-voiding.repository';
import { recallHoldsOf } from '../../recalls/recall-hold.repository';
import { requireNotRecalled } from '../../recalls/recall-hold-rules';

/**
 * The shipment that opens the leg to the site; MAT-03: only on a qualified shipper; QA-02,
 * CSV-02: never of a release voided since it was recorded; OTH-01: only with the instructions
 * for use of the journey's pinned specification version, recorded as travelling with it;
 * QA-04: never of a recalled product.
 */
@Injectable()
export class ShipToSiteUseCase implements StepUseCase<'shipToSite'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly voidings: ReleaseVoidingRepository,
    private readonly instructions: InstructionsForUseRepository,
  ) {}

  async execute(input: StepInput<'shipToSite'>): Promise<StepRecord> {
    const { payload, specification } = input;
    const instructionsForUse = requireInstructionsForUse(specification);
    const contentSha256 = instructionsHash(instructionsForUse);
    return this.steps.record(
      'shipToSite',
      input,
      {
        // GEN-01: the logger packed with the product is on the record (its detail) and named here.
        summary: `shipped with ${payload.courier} on shipper ${payload.shipperId}${payload.loggerId ? ` with logger ${payload.loggerId}` : ''}`,
        detail: {
          ...payload,
          instructionsForUse: {
            productCode: specification.productCode,
            specificationVersion: specification.version,
            contentSha256,
          },
        },
      },
      async (manager) => {
        await this.requireShippable(manager, input);
        await this.instructions.recordShipment(manager, {
          shipmentId: randomUUID(),
          donorCode: input.donorCode,
          journeyId: input.journeyId,
          shipmentEventId: input.eventId,
          productCode: specification.productCode,
          specificationVersion: specification.version,
          contentSha256,
          instructions: instructionsForUse,
          shippedAt: new Date(payload.shippedAt).toISOString(),
        });
      },
    );
  }

  private async requireShippable(manager: EntityManager, input: StepInput<'shipToSite'>) {
    requireNotRecalled('shipToSite', await recallHoldsOf(manager, input.donorCode));
    const release = await this.voidings.latestRelease(manager, input.donorCode);
    if (release) requireReleaseNotVoid(await this.voidings.voidingOf(manager, release.eventId));
    const qualification = await findShipperQualification(
      manager,
      RELEASE_SCHEMA,
      input.payload.shipperId,
    );
    assertQualifiedShipper(
      input.payload.shipperId,
      'product',
      qualification,
      input.occurredAt.slice(0, 10),
    );
  }
}
