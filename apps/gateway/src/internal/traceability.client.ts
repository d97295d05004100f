import { Injectable } from '@nestjs/common';
import type { LedgerVerification, LedgerVerificationResult } from '@v2v/contracts';
import type { ChainExport } from '@v2v/integrity';
import { InternalServiceClient, segment } from './internal-service.client';

/** One donor code's chain of custody as the ledger answers it. */
export interface DonorTrace {
  patientReference: string;
  institutionId: string;
  productCode: string;
  entries: Array<{ seq: number; entryHash: string } & Record<string, unknown>>;
}

/** The traceability ledger's internal API as the gateway uses it (TRC-01). */
@Injectable()
export class TraceabilityClient {
  constructor(private readonly http: InternalServiceClient) {}

  /** `donorCode` is canonical (DonorCodePipe). */
  traceOfDonor<T = DonorTrace>(donorCode: string) {
    return this.http.request<T>('traceability', 'GET', `/internal/trace/donors/${donorCode}`);
  }

  traceOfPatient(patientReference: string) {
    return this.http.request<unknown>(
      'traceability',
      'GET',
      `/internal/trace/patients/${segment(patientReference)}`,
    );
  }

  /** The donor's chain as stored, with a checkpoint of its head the ledger signed now. */
  ledgerChainExport(donorCode: string) {
    return this.http.request<ChainExport>(
      'traceability',
      'GET',
      `/internal/ledger/chains/${donorCode}/export`,
    );
  }

  verifyLedger(request: LedgerVerification) {
    return this.http.request<LedgerVerificationResult>(
      'traceability',
      'POST',
      '/internal/ledger/verify',
      request,
    );
  }
}
