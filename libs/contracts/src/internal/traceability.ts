import { z } from 'zod';

/** The ledger's verification, of every chain or of one donor code: POST /internal/ledger/verify. */
export const ledgerVerificationSchema = z.strictObject({ donorCode: z.string().optional() });
export type LedgerVerification = z.infer<typeof ledgerVerificationSchema>;

/** The ledger's answer to a verification. */
export interface LedgerVerificationResult {
  valid: boolean;
  ledgerHeadHash: string;
}
