import { Injectable } from '@nestjs/common';
import type { AuditView } from '@v2v/audit';
import { InternalServiceClient } from '../internal/internal-service.client';

const AUDITED_SERVICES = ['donorIntake', 'production', 'release'] as const;

/** The audit trail across the services that keep GMP records, merged in time order. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly services: InternalServiceClient) {}

  async byJourney(journeyId: string): Promise<AuditView[]> {
    return this.merge(`/internal/audit?journeyId=${encodeURIComponent(journeyId)}`);
  }

  async byRecord(recordType: string, recordId: string): Promise<AuditView[]> {
    return this.merge(`/internal/audit/records/${encodeURIComponent(recordType)}/${encodeURIComponent(recordId)}`);
  }

  /** Recomputes the ledger and every service's audit chains; names the first broken entry. */
  async verify() {
    const ledger = await this.services.request<{ valid: boolean; ledgerHeadHash: string }>('traceability', 'POST', '/internal/ledger/verify', {});
    const audit = await Promise.all(
      AUDITED_SERVICES.map(async (service) => ({
        service,
        ...(await this.services.request<{ valid: boolean; headsHash: string }>(service, 'POST', '/internal/audit/verify')),
      })),
    );
    return { valid: ledger.valid && audit.every((a) => a.valid), ledger, audit };
  }

  private async merge(path: string): Promise<AuditView[]> {
    const lists = await Promise.all(AUDITED_SERVICES.map((s) => this.services.request<AuditView[]>(s, 'GET', path)));
    return lists.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
