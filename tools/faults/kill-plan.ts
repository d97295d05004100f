import { shuffled } from '@v2v/testing';

/** The platform's processes, which its launcher starts again when they die. */
export const PLATFORM_PROCESSES = [
  'gateway',
  'donor-intake',
  'production',
  'release',
  'traceability',
  'journey-worker',
] as const;
/** The servers tools/infra starts, which the fault suite starts again itself. */
export const SERVERS = ['kafka', 'temporal', 'postgres'] as const;

export type PlatformProcess = (typeof PLATFORM_PROCESSES)[number];
export type Server = (typeof SERVERS)[number];
export type Component = PlatformProcess | Server;
export const COMPONENTS: readonly Component[] = [...PLATFORM_PROCESSES, ...SERVERS];

export const isServer = (c: Component): c is Server => (SERVERS as readonly string[]).includes(c);

/** One `kill -9` of the plan. */
export interface PlannedKill {
  component: Component;
  /** When: once this share (0–1) of the run's commands has been answered. */
  atProgress: number;
  /** Then this long again (ms), so that the kill lands inside a step rather than between two. */
  delayMs: number;
}

/** The kills fall between these shares of the run, never at its very start or end. */
const FIRST_AT = 0.05;
const LAST_AT = 0.85;
const MAX_DELAY_MS = 2_000;

/**
 * `kills` kills of the components, in random order at random moments of the run: every
 * component at least once when there are enough kills, the rest at random; with fewer kills
 * than components, the three servers first (the short form kills each of Kafka, Temporal and
 * PostgreSQL once), then distinct processes.
 */
export function planKills(kills: number, random: () => number): PlannedKill[] {
  if (!Number.isInteger(kills) || kills < 0) throw new Error(`KILLS must be a count: ${kills}`);
  const picked: Component[] =
    kills >= COMPONENTS.length
      ? [
          ...COMPONENTS,
          ...Array.from(
            { length: kills - COMPONENTS.length },
            () => COMPONENTS[Math.floor(random() * COMPONENTS.length)],
          ),
        ]
      : [...SERVERS, ...shuffled(PLATFORM_PROCESSES, random)].slice(0, kills);
  const moments = picked
    .map(() => FIRST_AT + random() * (LAST_AT - FIRST_AT))
    .sort((a, b) => a - b);
  return shuffled(picked, random).map((component, i) => ({
    component,
    atProgress: moments[i],
    delayMs: Math.floor(random() * MAX_DELAY_MS),
  }));
}

/** Kills per component, every component named (0 where it was not killed). */
export function killsPerComponent(killed: readonly Component[]): Record<Component, number> {
  const counts = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as Record<Component, number>;
  for (const c of killed) counts[c] += 1;
  return counts;
}
