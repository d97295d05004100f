export const ROLES = ['scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops'] as const;
export type Role = (typeof ROLES)[number];

/** Who performed a step: recorded on every timeline entry, record and event. */
export interface Actor {
  userId: string;
  role: Role;
}
