import { z } from 'zod';

/**
 * The people's GMP roles (`production-manager` is the seed's 生产管理负责人 of §5(1): the
 * facility, its equipment, the process definitions and the production calendar), then the
 * device role the data loggers post telemetry with, then the user administrator. `admin`
 * manages accounts, roles, institutions and training records and performs no GMP operation:
 * no journey step or GMP endpoint declares it (step-routes.spec.ts).
 */
export const PEOPLE_ROLES = [
  'scheduler',
  'hospital',
  'operator',
  'production-manager',
  'qc',
  'qa-qp',
  'ops',
] as const;
export const ADMIN_ROLE = 'admin';
export const ROLES = [...PEOPLE_ROLES, 'data-logger', ADMIN_ROLE] as const;
export type Role = (typeof ROLES)[number];

/** Who performed a step: recorded on every timeline entry, record and event. */
export interface Actor {
  userId: string;
  role: Role;
}

/** An actor as it travels between services (from the gateway's authenticated user). */
export const actorSchema = z.strictObject({
  userId: z.string().min(1).max(100),
  role: z.enum(ROLES),
});
