import { Injectable } from '@nestjs/common';
import type { CloseProductEmergencyCommand } from '@v2v/contracts';
import { InternalServiceClient, segment } from '../internal/internal-service.client';

/**
 * The release service's emergencies on products (QA-04) as the journey's deviations list shows
 * them, and their closure. Donor codes given here are canonical.
 */
@Injectable()
export class ReleaseEmergencyClient {
  constructor(private readonly http: InternalServiceClient) {}

  emergencies(donorCode: string) {
    return this.http.request<Array<{ deviationId: string; raisedAt: string }>>(
      'release',
      'GET',
      `/internal/journeys/${donorCode}/emergencies`,
    );
  }

  close(emergencyId: string, command: CloseProductEmergencyCommand) {
    return this.http.request<unknown>(
      'release',
      'POST',
      `/internal/emergencies/${segment(emergencyId)}/close`,
      command,
    );
  }
}
