import { z } from 'zod';
import { shipperQualificationSchema } from '../custody/shipper-qualification';
import { signedCommandFields } from './signed-command';

/*
 * The shipper register's internal API, served alike by donor-intake (donor material) and
 * release (product) from libs/shipper-qualification.
 */

/** QA's signed (re)qualification: POST /internal/qualified-shippers. */
export const qualifyShipperCommandSchema = z.strictObject({
  qualification: shipperQualificationSchema,
  ...signedCommandFields,
});
export type QualifyShipperCommand = z.infer<typeof qualifyShipperCommandSchema>;

/** QA's signed withdrawal: POST /internal/qualified-shippers/{shipperId}/withdraw. */
export const withdrawShipperCommandSchema = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  ...signedCommandFields,
});
export type WithdrawShipperCommand = z.infer<typeof withdrawShipperCommandSchema>;

/**
 * Would this withdrawal be accepted? POST /internal/qualified-shippers/{shipperId}/withdraw-check,
 * asked before anything is signed; the event id lets a retry of a recorded withdrawal pass.
 */
export const checkShipperWithdrawalCommandSchema = withdrawShipperCommandSchema.omit({
  decidedBy: true,
  signature: true,
});
export type CheckShipperWithdrawalCommand = z.infer<typeof checkShipperWithdrawalCommandSchema>;
