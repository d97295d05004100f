import { Injectable } from '@nestjs/common';
import type {
  CheckRetentionExceptionCommand,
  DecideRetentionExceptionCommand,
  RecordSampleCommand,
  RetentionStanding,
} from '@v2v/contracts';
import { InternalServiceClient, segment } from '../internal/internal-service.client';

/**
 * The release service's sample register as the gateway uses it (QA-01). Donor codes given here
 * are canonical (DonorCodePipe); other path and query values are encoded.
 */
@Injectable()
export class ReleaseSamplesClient {
  constructor(private readonly http: InternalServiceClient) {}

  recordSample(command: RecordSampleCommand) {
    return this.http.request<unknown>('release', 'POST', '/internal/samples', command);
  }

  samplesOfLot(lotId: string) {
    return this.http.request<unknown>('release', 'GET', `/internal/samples?lot=${segment(lotId)}`);
  }

  samplesOfJourney(donorCode: string) {
    return this.http.request<unknown>('release', 'GET', `/internal/journeys/${donorCode}/samples`);
  }

  retentionStanding(donorCode: string) {
    return this.http.request<RetentionStanding>(
      'release',
      'GET',
      `/internal/journeys/${donorCode}/retention`,
    );
  }

  labelPhoto(donorCode: string, exceptionId: string) {
    return this.http.request<unknown>(
      'release',
      'GET',
      `/internal/journeys/${donorCode}/retention-exceptions/${segment(exceptionId)}/label-photo`,
    );
  }

  checkRetentionException(command: CheckRetentionExceptionCommand) {
    return this.http.request<unknown>(
      'release',
      'POST',
      '/internal/retention-exceptions/check',
      command,
    );
  }

  decideRetentionException(command: DecideRetentionExceptionCommand) {
    return this.http.request<unknown>('release', 'POST', '/internal/retention-exceptions', command);
  }
}
