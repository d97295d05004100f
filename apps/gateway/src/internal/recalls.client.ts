import { Injectable } from '@nestjs/common';
import type {
  CreateRecallCommand,
  Recall,
  RecallCheck,
  RecallUnit,
  RecordRecallDispositionCommand,
} from '@v2v/contracts';
import { InternalServiceClient, segment } from './internal-service.client';

/**
 * Production's recalls (QA-04, TRC-01) as the gateway calls them; apart from ProductionClient,
 * which is at its length limit. `donorCode` is canonical; a recall id is encoded.
 */
@Injectable()
export class RecallsClient {
  constructor(private readonly http: InternalServiceClient) {}

  /** Would production accept this recall, and which journeys would it reach? */
  check(asked: RecallCheck) {
    return this.http.request<{ allowed: true }>(
      'production',
      'POST',
      '/internal/recalls/check',
      asked,
    );
  }

  recall(command: CreateRecallCommand) {
    return this.http.request<Recall>('production', 'POST', '/internal/recalls', command);
  }

  list() {
    return this.http.request<Recall[]>('production', 'GET', '/internal/recalls');
  }

  one(recallId: string) {
    return this.http.request<Recall>('production', 'GET', `/internal/recalls/${segment(recallId)}`);
  }

  recordDisposition(recallId: string, donorCode: string, command: RecordRecallDispositionCommand) {
    return this.http.request<RecallUnit>(
      'production',
      'POST',
      `/internal/recalls/${segment(recallId)}/units/${segment(donorCode)}/disposition`,
      command,
    );
  }
}
