import { Injectable } from '@nestjs/common';
import type {
  BatchRecordReview,
  BatchRecordReviewCheck,
  ReviewBatchRecordCommand,
} from '@v2v/contracts';
import { InternalServiceClient, segment } from './internal-service.client';

/**
 * Production's review of a batch record (QA-02.2) as the gateway calls it; apart from
 * ProductionClient, which is at its length limit. `donorCode` is checked and canonical.
 */
@Injectable()
export class BatchRecordReviewClient {
  constructor(private readonly http: InternalServiceClient) {}

  /** Would QA's review be allowed now, and over which hash of the record? */
  check(batchNumber: string, donorCode: string) {
    return this.http.request<BatchRecordReviewCheck>(
      'production',
      'GET',
      `${path(batchNumber)}/review-check?donorCode=${segment(donorCode)}`,
    );
  }

  review(batchNumber: string, command: ReviewBatchRecordCommand) {
    return this.http.request<BatchRecordReview>(
      'production',
      'POST',
      `${path(batchNumber)}/reviews`,
      command,
    );
  }

  latest(batchNumber: string, donorCode: string) {
    return this.http.request<BatchRecordReview>(
      'production',
      'GET',
      `${path(batchNumber)}/review?donorCode=${segment(donorCode)}`,
    );
  }
}

const path = (batchNumber: string) => `/internal/batch-records/${segment(batchNumber)}`;
