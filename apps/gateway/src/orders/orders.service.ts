import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, CreateOrder, DomainError } from '@v2v/contracts';
import { InternalServiceClient } from '../internal/internal-service.client';
import { JourneyCommandsService } from '../journeys/journey-commands.service';

/**
 * A new order: the product must have a published specification, donor-intake registers
 * the donor and generates the donor unique code (refusing a non-approved institution,
 * DON-02), then the journey `journey-<code>` starts. A retry with the same Idempotency-Key
 * gets the same donor and the same journey.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly services: InternalServiceClient,
    private readonly journeys: JourneyCommandsService,
  ) {}

  async create(order: CreateOrder, orderedBy: Actor, idempotencyKey?: string) {
    await this.services
      .request(
        'production',
        'GET',
        `/internal/product-specifications/${encodeURIComponent(order.productCode)}`,
      )
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') {
          throw new DomainError(
            'UNKNOWN_PRODUCT',
            `product ${order.productCode} has no published specification (GEN-03)`,
          );
        }
        throw error;
      });
    const donor = await this.services.request<{ donorCode: string; eyeReadable: string }>(
      'donorIntake',
      'POST',
      '/internal/donors',
      {
        patientReference: order.patientReference,
        institutionId: order.institutionId,
        productCode: order.productCode,
        requestKey: idempotencyKey ?? randomUUID(),
        registeredBy: orderedBy,
      },
    );
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
