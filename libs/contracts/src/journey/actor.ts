import { z } from 'zod';

/** The people's roles, then the device role the data loggers post telemetry with. */
export const PEOPLE_ROLES = ['scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops'] as const;
export const ROLES = [...PEOPLE_ROLES, 'data-logger'] as const;
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
