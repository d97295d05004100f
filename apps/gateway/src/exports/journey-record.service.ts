import { Injectable } from '@nestjs/common';
import { journeyWorkflowId } from '@v2v/contracts';
import { AuditTrailService } from '../audit/audit-trail.service';
import { TraceabilityClient } from '../internal/traceability.client';
import { Clock } from '@v2v/service-kit';
import { SignatureRegistry } from '../signatures/signature-registry.service';
import type { JourneyLedgerExport, JourneyRecord } from './journey-record';

type Trace = Omit<JourneyRecord, 'trace'> & { entries: JourneyRecord['trace'] };

/**
 * Collects one journey's trace, audit trail, the head hashes and the signed checkpoint of its
 * ledger chain from their owning services.
 */
@Injectable()
export class JourneyRecordService {
  constructor(
    private readonly traceability: TraceabilityClient,
    private readonly audit: AuditTrailService,
    private readonly signatures: SignatureRegistry,
    private readonly clock: Clock,
  ) {}

  /** `donorCode` is canonical (a route's, or one Temporal visibility holds for a journey). */
  async collect(donorCode: string): Promise<JourneyRecord> {
    const journeyId = journeyWorkflowId(donorCode);
    const [trace, audit, integrity, signatures, ledger] = await Promise.all([
      this.traceability.traceOfDonor<Trace>(donorCode),
      this.audit.byJourney(journeyId),
      this.audit.verify(),
      this.signatures.list(donorCode),
      this.traceability.ledgerChainExport(donorCode),
    ]);
    const lastAppended = [...trace.entries].sort((a, b) => b.seq - a.seq)[0];
    const { takenAt, heads, signature } = ledger.checkpoint;
    return {
      donorCode,
      journeyId,
      patientReference: trace.patientReference,
      institutionId: trace.institutionId,
      productCode: trace.productCode,
      exportedAt: this.clock.now().toISOString(),
      ledgerHeadHash: integrity.ledger.ledgerHeadHash,
      journeyChainHead: lastAppended?.entryHash ?? '',
      checkpoint: {
        takenAt,
        seq: heads[0]?.seq ?? 0,
        entryHash: heads[0]?.entryHash ?? '',
        signature,
      },
      auditHeads: integrity.audit.map((a) => ({ service: a.service, headsHash: a.headsHash })),
      trace: trace.entries,
      signatures,
      audit: audit as JourneyRecord['audit'],
    };
  }

  /** The journey's ledger chain and its signed checkpoint, for the offline verifier. */
  async ledgerExport(donorCode: string): Promise<JourneyLedgerExport> {
    return {
      format: 'v2v-journey-ledger-export/1',
      donorCode,
      journeyId: journeyWorkflowId(donorCode),
      exportedAt: this.clock.now().toISOString(),
      ledger: await this.traceability.ledgerChainExport(donorCode),
    };
  }
}
