import { Injectable } from '@nestjs/common';
import { requireDonorCode } from '@v2v/contracts';
import type { RefusalView } from '@v2v/messaging';
import { InternalServiceClient } from '../internal/internal-service.client';
import { AccessRefusalRepository } from './access-refusal.repository';

/** The services whose step activities record their refusals (`refusal_record`). */
const RECORDING_SERVICES = ['donorIntake', 'production', 'release'] as const;

/**
 * Every refusal recorded for one journey, in time order: the gateway's (who was refused which
 * request, with the rule) and the owning services' (which step activity refused whom).
 */
@Injectable()
export class JourneyRefusalsService {
  constructor(
    private readonly services: InternalServiceClient,
    private readonly gateway: AccessRefusalRepository,
  ) {}

  async byDonorCode(rawDonorCode: string): Promise<RefusalView[]> {
    const donorCode = requireDonorCode(rawDonorCode);
    const lists = await Promise.all([
      this.gateway.byDonorCode(donorCode),
      ...RECORDING_SERVICES.map((service) =>
        this.services.request<RefusalView[]>(
          service,
          'GET',
          `/internal/refusals?donorCode=${donorCode}`,
        ),
      ),
    ]);
    return lists.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
