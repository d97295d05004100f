import { SetMetadata } from '@nestjs/common';
import type { GmpOperation } from '@v2v/contracts';

export const OPERATION_KEY = 'gmpOperation';

/**
 * PER-01: the GMP operation an endpoint performs (a journey step or a record operation), next
 * to its roles. `TrainingGuard` refuses it to a user without current training for it.
 */
export const PerformsOperation = (operation: GmpOperation) => SetMetadata(OPERATION_KEY, operation);
