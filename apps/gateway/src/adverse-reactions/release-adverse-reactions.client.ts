import { Injectable } from '@nestjs/common';
import type { AdverseReaction, ReportAdverseReactionCommand } from '@v2v/contracts';
import { InternalServiceClient } from '../internal/internal-service.client';

/** The release service's adverse reactions after infusion (TRC-04); donor codes canonical. */
@Injectable()
export class ReleaseAdverseReactionsClient {
  constructor(private readonly http: InternalServiceClient) {}

  report(command: ReportAdverseReactionCommand) {
    return this.http.request<AdverseReaction>(
      'release',
      'POST',
      '/internal/adverse-reactions',
      command,
    );
  }

  ofJourney(donorCode: string) {
    return this.http.request<AdverseReaction[]>(
      'release',
      'GET',
      `/internal/adverse-reactions/${donorCode}`,
    );
  }
}
