import { z } from 'zod';
import { ROLES } from '@v2v/contracts';

/** Who asked, as the gateway authenticated them: recorded on the record, its audit entry and event. */
export const actorSchema = z.strictObject({ userId: z.string().min(1).max(100), role: z.enum(ROLES) });

/** Postgres unique violation: a concurrent request with the same idempotency key won the race. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';
