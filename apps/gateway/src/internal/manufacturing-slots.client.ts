import { Injectable } from '@nestjs/common';
import type {
  ManufacturingCapacity,
  ManufacturingCapacityQuery,
  ManufacturingSlot,
} from '@v2v/contracts';
import { InternalServiceClient, segment } from './internal-service.client';

/** Production's manufacturing slots as the gateway reads them: a journey's, and capacity. */
@Injectable()
export class ManufacturingSlotsClient {
  constructor(private readonly http: InternalServiceClient) {}

  /** `donorCode` is checked and canonical (DonorCodeParam). */
  journeySlots(donorCode: string) {
    return this.http.request<ManufacturingSlot[]>(
      'production',
      'GET',
      `/internal/journeys/${segment(donorCode)}/manufacturing-slots`,
    );
  }

  capacity(query: ManufacturingCapacityQuery) {
    const params = new URLSearchParams({
      from: query.from,
      days: String(query.days),
      productCode: query.productCode,
    });
    return this.http.request<ManufacturingCapacity>(
      'production',
      'GET',
      `/internal/manufacturing-capacity?${params.toString()}`,
    );
  }
}
