import { Injectable } from '@nestjs/common';
import { AuditReader, AuditView } from '@v2v/audit';
import { DataSource } from 'typeorm';
import { GMP_SERVICES, GmpService, GmpServicesClient } from '../internal/gmp-services.client';
import { TraceabilityClient } from '../internal/traceability.client';

/** The audit trail across the services that keep GMP records, merged in time order. */
@Injectable()
export class AuditTrailService {
  private readonly own: AuditReader;

  constructor(
    private readonly services: GmpServicesClient,
    private readonly traceability: TraceabilityClient,
    dataSource: DataSource,
  ) {
    // The gateway's own trail (electronic signatures) sits beside the services' ones.
    this.own = new AuditReader(dataSource, 'gateway', 'gateway');
  }

  async byJourney(journeyId: string): Promise<AuditView[]> {
    return this.merge(
      (service) => this.services.auditOfJourney(service, journeyId),
      this.own.byJourney(journeyId),
    );
  }

  async byRecord(recordType: string, recordId: string): Promise<AuditView[]> {
    return this.merge(
      (service) => this.services.auditOfRecord(service, recordType, recordId),
      this.own.byRecord(recordType, recordId),
    );
  }

  /** Recomputes the ledger and every service's audit chains; names the first broken entry. */
  async verify() {
    const ledger = await this.traceability.verifyLedger({});
    const audit: Array<{ service: string; valid: boolean; headsHash: string }> = await Promise.all(
      GMP_SERVICES.map(async (service) => ({
        service,
        ...(await this.services.verifyAudit(service)),
      })),
    );
    audit.push({ service: 'gateway', ...(await this.own.verify()) });
    return { valid: ledger.valid && audit.every((a) => a.valid), ledger, audit };
  }

  private async merge(
    ofService: (service: GmpService) => Promise<AuditView[]>,
    own: Promise<AuditView[]>,
  ): Promise<AuditView[]> {
    const lists = await Promise.all([own, ...GMP_SERVICES.map(ofService)]);
    return lists.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
