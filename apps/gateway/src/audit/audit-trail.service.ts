import { Injectable } from '@nestjs/common';
import { AuditReader, AuditView } from '@v2v/audit';
import { DataSource } from 'typeorm';
import { InternalServiceClient } from '../internal/internal-service.client';

const AUDITED_SERVICES = ['donorIntake', 'production', 'release'] as const;

/** The audit trail across the services that keep GMP records, merged in time order. */
@Injectable()
export class AuditTrailService {
  private readonly own: AuditReader;

  constructor(
    private readonly services: InternalServiceClient,
    dataSource: DataSource,
  ) {
    // The gateway's own trail (electronic signatures) sits beside the services' ones.
    this.own = new AuditReader(dataSource, 'gateway', 'gateway');
  }

  async byJourney(journeyId: string): Promise<AuditView[]> {
    return this.merge(
      `/internal/audit?journeyId=${encodeURIComponent(journeyId)}`,
      this.own.byJourney(journeyId),
    );
  }

  async byRecord(recordType: string, recordId: string): Promise<AuditView[]> {
    return this.merge(
      `/internal/audit/records/${encodeURIComponent(recordType)}/${encodeURIComponent(recordId)}`,
      this.own.byRecord(recordType, recordId),
    );
  }

  /** Recomputes the ledger and every service's audit chains; names the first broken entry. */
  async verify() {
    const ledger = await this.services.request<{ valid: boolean; ledgerHeadHash: string }>(
      'traceability',
      'POST',
      '/internal/ledger/verify',
      {},
    );
    const audit: Array<{ service: string; valid: boolean; headsHash: string }> = await Promise.all(
      AUDITED_SERVICES.map(async (service) => ({
        service,
        ...(await this.services.request<{ valid: boolean; headsHash: string }>(
          service,
          'POST',
          '/internal/audit/verify',
        )),
      })),
    );
    audit.push({ service: 'gateway', ...(await this.own.verify()) });
    return { valid: ledger.valid && audit.every((a) => a.valid), ledger, audit };
  }

  private async merge(path: string, own: Promise<AuditView[]>): Promise<AuditView[]> {
    const lists = await Promise.all([
      own,
      ...AUDITED_SERVICES.map((s) => this.services.request<AuditView[]>(s, 'GET', path)),
    ]);
    return lists.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
