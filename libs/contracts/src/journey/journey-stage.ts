/**
 * The stages of a vein-to-vein journey, in the domain's words. This is the only place
 * they are defined; the workflow, the gateway, search attributes and events all use it.
 */
export const JOURNEY_STAGES = [
  'ordered',
  'donor-screened',
  'collection-scheduled',
  'collected',
  'in-transit-to-factory',
  'received',
  'material-quarantined',
  'material-released',
  'material-rejected',
  'in-production',
  'batch-rejected',
  'qc',
  'release-review',
  'released',
  'shipped',
  'received-at-site',
  'infused',
  'follow-up',
  'closed',
  'cancelled',
] as const;

export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const TERMINAL_STAGES: readonly JourneyStage[] = ['closed', 'cancelled'];

export function isTerminalStage(stage: JourneyStage): boolean {
  return TERMINAL_STAGES.includes(stage);
}
