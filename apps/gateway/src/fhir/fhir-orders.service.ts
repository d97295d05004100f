import { Injectable } from '@nestjs/common';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { OrdersService } from '../orders/orders.service';
import { ConcealedRefusal } from '../refusals/concealed-refusal';
import { institutionAccessRefusal } from '../tenancy/tenancy-rules';
import type { FhirResource } from './fhir-identifiers';
import { orderOfServiceRequest } from './fhir-order';
import { FhirService } from './fhir.service';

/**
 * TRC-04: an order from the EHR's R4 ServiceRequest, made by the order use case of
 * `POST /api/orders` (product specification, donor register, DON-02, journey, Idempotency-Key)
 * and answered with the ServiceRequest as read back. A hospital orders for its own institution
 * only; another requester reads as an unknown institution (CSV-03), the reason on record.
 */
@Injectable()
export class FhirOrdersService {
  constructor(
    private readonly orders: OrdersService,
    private readonly fhir: FhirService,
  ) {}

  async order(
    resource: unknown,
    user: AuthenticatedUser,
    idempotency?: IdempotencyScope,
  ): Promise<{ donorCode: string; serviceRequest: FhirResource }> {
    const order = orderOfServiceRequest(resource);
    const refusal = institutionAccessRefusal(user, order.institutionId);
    if (refusal)
      throw new ConcealedRefusal('NOT_FOUND', `no institution ${order.institutionId}`, refusal);
    const { donorCode } = await this.orders.create(order, actorOf(user), idempotency);
    return { donorCode, serviceRequest: await this.fhir.serviceRequest(donorCode) };
  }
}
