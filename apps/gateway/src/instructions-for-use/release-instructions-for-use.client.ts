import { Injectable } from '@nestjs/common';
import type {
  AcknowledgeInstructionsForUseCommand,
  InstructionsForUseShipment,
} from '@v2v/contracts';
import { InternalServiceClient } from '../internal/internal-service.client';

/**
 * The release service's record of the instructions for use shipped with a journey's product
 * and their acknowledgement (OTH-01). Donor codes given here are canonical (DonorCodePipe).
 */
@Injectable()
export class ReleaseInstructionsForUseClient {
  constructor(private readonly http: InternalServiceClient) {}

  shipped(donorCode: string) {
    return this.http.request<InstructionsForUseShipment>(
      'release',
      'GET',
      `/internal/journeys/${donorCode}/instructions-for-use`,
    );
  }

  acknowledge(command: AcknowledgeInstructionsForUseCommand) {
    return this.http.request<InstructionsForUseShipment>(
      'release',
      'POST',
      '/internal/instructions-for-use/acknowledgements',
      command,
    );
  }
}
