import { Injectable } from '@nestjs/common';
import type { RefusalView } from '@v2v/messaging';
import { GMP_SERVICES, GmpServicesClient } from '../internal/gmp-services.client';
import { AccessRefusalRepository } from './access-refusal.repository';

/**
 * Every refusal recorded for one journey, in time order: the gateway's (who was refused which
 * request, with the rule) and the owning services' (which step activity refused whom).
 */
@Injectable()
export class JourneyRefusalsService {
  constructor(
    private readonly services: GmpServicesClient,
    private readonly gateway: AccessRefusalRepository,
  ) {}

  /** `donorCode` is canonical; every GMP service's step activities record their refusals. */
  async byDonorCode(donorCode: string): Promise<RefusalView[]> {
    const lists = await Promise.all([
      this.gateway.byDonorCode(donorCode),
      ...GMP_SERVICES.map((service) => this.services.refusals(service, donorCode)),
    ]);
    return lists.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
