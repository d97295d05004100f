import { randomUUID } from 'node:crypto';
import type {
  BatchLabel,
  BatchRecordView,
  BatchStepCompletion,
  BatchStepStart,
  ProcessStep,
} from '@v2v/contracts';
import { DEMO_KEY_MATERIAL_LOTS } from './demo-key-materials';
import { DEMO_PROCESS_CART_CD19 } from './demo-processes';
import type { GatewayClient, HttpResult } from './gateway-client';
import { pollUntil } from './poll';
import { bookWhenRoomFree } from './room-wait';

/** Where each step of the demo process runs on the demo floor (line L1 of CP-1). */
export const DEMO_BATCH_FLOOR: Record<
  string,
  { roomCode: string; equipmentCode: string; compartmented?: number }
> = {
  'T-CELL-SELECTION': { roomCode: 'CP1-R03', equipmentCode: 'CS-301' },
  'ACTIVATION-TRANSDUCTION': { roomCode: 'CP1-R01', equipmentCode: 'BSC-101' },
  EXPANSION: { roomCode: 'CP1-R04', equipmentCode: 'INC-402', compartmented: 6 },
  'HARVEST-FORMULATION': { roomCode: 'CP1-R03', equipmentCode: 'CS-301' },
  FILL: { roomCode: 'CP1-R03', equipmentCode: 'ISO-301' },
};
export const DEMO_LINE = 'L1';

/** The seeded shift containing `at` (UTC): EARLY 00–08, DAY 08–16, NIGHT 16–24. */
export function shiftAt(at: Date): string {
  const hour = at.getUTCHours();
  if (hour < 8) return 'EARLY';
  return hour < 16 ? 'DAY' : 'NIGHT';
}

/** The seeded released lot of a material (the demo has one per material). */
export function releasedLot(materialCode: string): string {
  const lot = DEMO_KEY_MATERIAL_LOTS.find(
    (l) => l.material === materialCode && l.status === 'released',
  );
  if (!lot) throw new Error(`the demo has no released lot of ${materialCode}`);
  return lot.id;
}

/** A value in the middle of a parameter's range, as an operator records it when all went right. */
export const middle = (range: { min: number; max: number }) => (range.min + range.max) / 2;

/**
 * A completion as an operator records it when everything went right: every parameter in range,
 * every consumable with its released lot, every container inspected intact, every label the
 * start printed confirmed by scanning it, and the transfer out leaving now.
 */
export function batchStepCompletion(
  step: ProcessStep,
  labels: BatchLabel[],
  now = new Date(),
): BatchStepCompletion {
  const inspected = (phase: 'before-use' | 'after-filling', containers: string[]) =>
    containers.map((container) => ({ container, phase, intact: true }));
  return {
    endedAt: now.toISOString(),
    parameters: step.parameters.map((p) => ({ parameterId: p.parameterId, value: middle(p) })),
    consumables: step.consumables.map((c) => ({
      materialCode: c.materialCode,
      lotId: releasedLot(c.materialCode),
      quantity: 1,
      unit: 'unit',
    })),
    containerInspections: [
      ...inspected('before-use', step.containers.beforeUse),
      ...inspected('after-filling', step.containers.afterFilling),
    ],
    labelConfirmations: labels
      .filter((l) => l.stepId === step.stepId)
      .map((l) => ({ labelId: l.labelId, scan: l.content })),
    ...(step.producesPositiveWaste
      ? { wasteInactivation: { method: 'autoclave 121 °C 30 min', completedAt: now.toISOString() } }
      : {}),
    ...(step.transferOut ? { transferDepartedAt: now.toISOString() } : {}),
  };
}

function expectOk<T>(what: string, res: HttpResult<T>, status = 200): T {
  if (res.status !== status)
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)} (expected ${status})`);
  return res.body;
}

/** The material arrives now, having stayed in the middle half of the transfer's range. */
export function arrivalWithin(
  transfer: { minTemperatureC: number; maxTemperatureC: number },
  now: Date,
): BatchStepStart['transferArrival'] {
  const span = transfer.maxTemperatureC - transfer.minTemperatureC;
  return {
    arrivedAt: now.toISOString(),
    minObservedTemperatureC: transfer.minTemperatureC + span / 4,
    maxObservedTemperatureC: transfer.maxTemperatureC - span / 4,
  };
}

/**
 * The production manager books a step on the demo floor, now for its planned duration; while
 * another journey's step holds the room, it waits (`bookWhenRoomFree`), for as long as the
 * client's `roomTurnMs` allows.
 */
export async function bookDemoStep(
  api: GatewayClient,
  donorCode: string,
  step: ProcessStep,
): Promise<string> {
  const floor = DEMO_BATCH_FLOOR[step.stepId];
  const booking = (now: number, incubatorCompartment?: number) =>
    api.as<{ bookingId: string; code?: string }>(
      'production-manager',
      'POST',
      '/api/production-calendar/bookings',
      {
        body: {
          donorCode,
          productCode: 'CART-CD19',
          processVersion: 1,
          stepId: step.stepId,
          roomCode: floor.roomCode,
          equipmentCode: floor.equipmentCode,
          ...(incubatorCompartment ? { incubatorCompartment } : {}),
          lineCode: DEMO_LINE,
          positiveMaterial: false,
          // From now: the room's previous step (perhaps this journey's own) was completed a
          // moment ago, and a booking reaching back before that would overlap it.
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + step.plannedDurationHours * 3_600_000).toISOString(),
        },
        idempotencyKey: randomUUID(),
      },
    );
  // An open culture needs a compartment of its own (§9(5)6): the first free one.
  const firstFreeCompartment = async () => {
    const now = Date.now();
    const last = floor.compartmented ?? 1;
    for (let compartment = 1; ; compartment += 1) {
      const res = await booking(now, floor.compartmented ? compartment : undefined);
      if (res.status === 201 || res.body.code !== 'PRD-04' || compartment === last) return res;
    }
  };
  const res = await bookWhenRoomFree(donorCode, firstFreeCompartment, {
    timeoutMs: api.options.roomTurnMs,
  });
  return expectOk(`booking ${step.stepId}`, res, 201).bookingId;
}

export interface BatchRecordProgress {
  stepId: string;
  bookingId: string;
  labels: BatchLabel[];
  view: BatchRecordView;
}

/**
 * The batch record of a journey in production, as the floor takes it: for each step of the
 * demo process, the production manager books it, the operator starts it (on the current shift,
 * recording the previous transfer's arrival), completes it and records the line clearance;
 * then the journey reaches `qc` by itself. `onStep` sees each closed step (the demo prints it);
 * `completionOf` may change what a step's completion records (a value out of range, say).
 */
export async function runBatchRecord(
  api: GatewayClient,
  donorCode: string,
  onStep?: (progress: BatchRecordProgress) => void,
  completionOf?: (step: ProcessStep, completion: BatchStepCompletion) => BatchStepCompletion,
): Promise<BatchRecordView> {
  const base = `/api/journeys/${encodeURIComponent(donorCode)}/batch-record`;
  let view: BatchRecordView | undefined;
  let previous: ProcessStep | undefined;
  for (const step of DEMO_PROCESS_CART_CD19.steps) {
    const bookingId = await bookDemoStep(api, donorCode, step);
    const now = new Date();
    const transfer = previous?.transferOut;
    const start: BatchStepStart = {
      bookingId,
      shiftCode: shiftAt(now),
      startedAt: now.toISOString(),
      coOperators: [],
      ...(transfer ? { transferArrival: arrivalWithin(transfer, now) } : {}),
    };
    const started = expectOk(
      `starting ${step.stepId}`,
      await api.as<BatchRecordView>('operator', 'POST', `${base}/steps/${step.stepId}/start`, {
        body: start,
        idempotencyKey: randomUUID(),
      }),
    );
    const planned = batchStepCompletion(step, started.labels);
    const completion = completionOf ? completionOf(step, planned) : planned;
    view = expectOk(
      `completing ${step.stepId}`,
      await api.as<BatchRecordView>('operator', 'POST', `${base}/steps/${step.stepId}/complete`, {
        body: completion,
        idempotencyKey: randomUUID(),
      }),
    );
    expectOk(
      `line clearance after ${step.stepId}`,
      await api.as(
        'operator',
        'POST',
        `/api/production-calendar/bookings/${bookingId}/line-clearance`,
        { body: { note: `line clear after ${step.stepId}` } },
      ),
    );
    onStep?.({
      stepId: step.stepId,
      bookingId,
      labels: started.labels.filter((l) => l.stepId === step.stepId),
      view,
    });
    previous = step;
  }
  await pollUntil(
    `the journey of ${donorCode} in qc`,
    async () => {
      const res = await api.as<{ view: { stage: string } }>(
        'ops',
        'GET',
        `/api/journeys/${encodeURIComponent(donorCode)}`,
      );
      return res.body.view?.stage === 'qc' ? true : undefined;
    },
    { timeoutMs: api.waitMs(30_000) },
  );
  return view!;
}
