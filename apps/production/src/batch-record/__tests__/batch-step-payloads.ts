import type { BatchLabel, BatchStepCompletion, BatchStepStart } from '@v2v/contracts';
import { SEEDED_KEY_MATERIAL_LOTS as LOTS } from '@v2v/testing';
import {
  type BatchRecordTestContext,
  operator,
  STEPS,
  type StartedBatch,
} from './batch-record-test-context';

/* What the batch-record integration specs record and read, shared by them. */

export const VALUES: Record<string, number> = {
  'CD3-PURITY': 92,
  MOI: 12,
  'INCUBATOR-TEMP': 37,
  CO2: 5,
  VIABILITY: 85,
  'TOTAL-VIABLE-CELLS': 200_000_000,
};
export const LOT_OF: Record<string, string> = {
  'SUS-TS520': LOTS.tubingSet,
  'LV-CD19-BBZ': LOTS.lentiviralVector,
  'IL2-RH': LOTS.interleukin2,
  'SERUM-HAB': LOTS.humanAbSerum,
};

/** Everything step `index` records when it went well (MOI 12 is out of range: a deviation). */
export function completion(
  index: number,
  labels: BatchLabel[],
  endedAt: Date,
): BatchStepCompletion {
  const step = STEPS[index];
  return {
    endedAt: endedAt.toISOString(),
    parameters: step.parameters.map((p) => ({
      parameterId: p.parameterId,
      value: VALUES[p.parameterId],
    })),
    consumables: step.consumables.map((c) => ({
      materialCode: c.materialCode,
      lotId: LOT_OF[c.materialCode],
      quantity: 1,
      unit: 'unit',
    })),
    containerInspections: [
      ...step.containers.beforeUse.map((container) => ({
        container,
        phase: 'before-use' as const,
        intact: true,
      })),
      ...step.containers.afterFilling.map((container) => ({
        container,
        phase: 'after-filling' as const,
        intact: true,
      })),
    ],
    labelConfirmations: labels.map((l) => ({ labelId: l.labelId, scan: l.content })),
    ...(step.transferOut ? { transferDepartedAt: endedAt.toISOString() } : {}),
  };
}

export const startOf = (
  bookingId: string,
  startedAt: Date,
  extra: Partial<BatchStepStart> = {},
): BatchStepStart => ({
  bookingId,
  shiftCode: 'DAY',
  startedAt: startedAt.toISOString(),
  coOperators: [],
  ...extra,
});

/** Five minutes into the booking, after a ten-minute transfer from the previous step. */
export const arrival = (startedAt: Date, [min, max]: [number, number]) => ({
  arrivedAt: startedAt.toISOString(),
  minObservedTemperatureC: min,
  maxObservedTemperatureC: max,
});
export const ARRIVAL_TEMPERATURES: Array<[number, number]> = [
  [0, 0],
  [20, 22],
  [25, 30],
  [25, 30],
  [4, 6],
];

export const rowsOf = (
  ctx: BatchRecordTestContext,
  batch: StartedBatch,
  kind?: 'start' | 'completion',
) =>
  ctx.count(
    `SELECT count(*) AS n FROM production.batch_step_record WHERE batch_number = $1 AND ($2::text IS NULL OR kind = $2)`,
    [batch.batchNumber, kind ?? null],
  );
export const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (e: unknown) => e,
  );

export async function clear(ctx: BatchRecordTestContext, bookingId: string, clearedAt: Date) {
  await ctx.clearance.execute(
    bookingId,
    { clearedAt: clearedAt.toISOString(), clearedBy: operator },
    new Date(clearedAt.getTime() + 60_000),
  );
}
