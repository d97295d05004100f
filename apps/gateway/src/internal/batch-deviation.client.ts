import { Injectable } from '@nestjs/common';
import type { BatchDeviationStanding, CloseDeviationCommand } from '@v2v/contracts';
import { InternalServiceClient, segment } from './internal-service.client';

/**
 * Production's batch-record deviations and QA's closures of them (QA-02.3) as the gateway calls
 * them; apart from ProductionClient, which is at its length limit. `donorCode` is canonical.
 */
@Injectable()
export class BatchDeviationClient {
  constructor(private readonly http: InternalServiceClient) {}

  deviations(batchNumber: string, donorCode: string) {
    return this.http.request<BatchDeviationStanding[]>(
      'production',
      'GET',
      `${path(batchNumber)}?donorCode=${segment(donorCode)}`,
    );
  }

  close(batchNumber: string, deviationId: string, command: CloseDeviationCommand) {
    return this.http.request<BatchDeviationStanding>(
      'production',
      'POST',
      `${path(batchNumber)}/${segment(deviationId)}/closure`,
      command,
    );
  }
}

const path = (batchNumber: string) => `/internal/batch-records/${segment(batchNumber)}/deviations`;
