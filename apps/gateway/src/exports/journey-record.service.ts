import { Injectable } from '@nestjs/common';
import { journeyWorkflowId, requireDonorCode } from '@v2v/contracts';
import { AuditTrailService } from '../audit/audit-trail.service';
import { InternalServiceClient } from '../internal/internal-service.client';
import { SignatureRegistry } from '../signatures/signature-registry.service';
import type { JourneyRecord } from './journey-record';

/** Collects one journey's trace, audit trail and the head hashes from their owning services. */
@Injectable()
export class JourneyRecordService {
  constructor(
    private readonly services: InternalServiceClient,
    private readonly audit: AuditTrailService,
    private readonly signatures: SignatureRegistry,
  ) {}

  async collect(rawDonorCode: string): Promise<JourneyRecord> {
    const donorCode = requireDonorCode(rawDonorCode);
    const journeyId = journeyWorkflowId(donorCode);
    const [trace, audit, integrity, signatures] = await Promise.all([
      this.services.request<Omit<JourneyRecord, 'trace'> & { entries: JourneyRecord['trace'] }>(
        'traceability',
        'GET',
        `/internal/trace/donors/${donorCode}`,
      ),
      this.audit.byJourney(journeyId),
      this.audit.verify(),
      this.signatures.list(donorCode),
    ]);
    const lastAppended = [...trace.entries].sort((a, b) => b.seq - a.seq)[0];
    return {
      donorCode,
      journeyId,
      patientReference: trace.patientReference,
      institutionId: trace.institutionId,
      productCode: trace.productCode,
      exportedAt: new Date().toISOString(),
      ledgerHeadHash: integrity.ledger.ledgerHeadHash,
      journeyChainHead: lastAppended?.entryHash ?? '',
      auditHeads: integrity.audit.map((a) => ({ service: a.service, headsHash: a.headsHash })),
      trace: trace.entries,
      signatures,
      audit: audit as JourneyRecord['audit'],
    };
  }
}
