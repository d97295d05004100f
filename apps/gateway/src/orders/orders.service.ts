import { Injectable } from '@nestjs/common';
import { Actor, CreateOrder, DomainError } from '@v2v/contracts';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { EventIds } from '../idempotency/event-ids';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { ProductionClient } from '../internal/production.client';
import { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';

/**
 * A new order: the product must have a published specification, donor-intake registers
 * the donor and generates the donor unique code (refusing a non-approved institution,
 * DON-02), then the journey `journey-<code>` starts. A retry with the same Idempotency-Key
 * by the same user gets the same donor and the same journey.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly production: ProductionClient,
    private readonly donorIntake: DonorIntakeClient,
    private readonly journeys: JourneyWorkflowRepository,
    private readonly eventIds: EventIds,
  ) {}

  async create(order: CreateOrder, orderedBy: Actor, idempotency?: IdempotencyScope) {
    await this.production.specificationOf(order.productCode).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        throw new DomainError(
          'UNKNOWN_PRODUCT',
          `product ${order.productCode} has no published specification (GEN-03)`,
        );
      }
      throw error;
    });
    const donor = await this.donorIntake.registerDonor({
      patientReference: order.patientReference,
      institutionId: order.institutionId,
      productCode: order.productCode,
      requestKey: this.eventIds.of(idempotency),
      registeredBy: orderedBy,
    });
    const journey = await this.journeys.start({
      donorCode: donor.donorCode,
      order: {
        patientReference: order.patientReference,
        institutionId: order.institutionId,
        productCode: order.productCode,
        requestedCollectionDate: order.requestedCollectionDate,
      },
      orderedBy,
    });
    return { donorCode: donor.donorCode, eyeReadable: donor.eyeReadable, ...journey };
  }
}
