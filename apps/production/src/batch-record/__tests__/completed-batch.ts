import { randomUUID } from 'node:crypto';
import { CART_CD19_V1, TOPICS } from '@v2v/contracts';
import { JourneyStepRecorder, type StepInput } from '@v2v/service-kit';
import { BatchRepository } from '../../batches/batch.repository';
import { CompleteProductionUseCase } from '../../batches/usecases/complete-production.usecase';
import { PRODUCTION_SCHEMA } from '../../production.data-source';
import {
  activityInput,
  at,
  type BatchRecordTestContext,
  book,
  dayShiftBase,
  operator,
  STEPS,
  startedBatch,
  type StartedBatch,
} from './batch-record-test-context';
import { ARRIVAL_TEMPERATURES, arrival, clear, completion, startOf } from './batch-step-payloads';

/** Every step of the demo process on `dayOffset`'s day shift, then production completed. */
export async function completedBatch(
  ctx: BatchRecordTestContext,
  dayOffset: number,
): Promise<StartedBatch> {
  const steps = new JourneyStepRecorder(ctx.dataSource, {
    schema: PRODUCTION_SCHEMA,
    producer: 'production',
    topic: TOPICS.production,
  });
  const completeProduction = new CompleteProductionUseCase(
    steps,
    new BatchRepository(ctx.dataSource),
  );
  const batch = await startedBatch(ctx);
  const base = dayShiftBase(dayOffset);
  const bookings = [];
  for (const i of STEPS.keys()) bookings.push(await book(ctx, batch, i, at(base, 60 * i)));
  let totalCellCount = 0;
  for (const i of STEPS.keys()) {
    const startedAt = at(base, 60 * i + 5);
    const transfer = i > 0 ? { transferArrival: arrival(startedAt, ARRIVAL_TEMPERATURES[i]) } : {};
    const started = await ctx.start.execute(
      activityInput(batch, i, startOf(bookings[i].bookingId, startedAt, transfer)),
    );
    const completed = await ctx.complete.execute(
      activityInput(batch, i, completion(i, started.labels, at(base, 60 * i + 55))),
    );
    await clear(ctx, bookings[i].bookingId, at(base, 60 * i + 56));
    totalCellCount = completed.totalCellCount ?? totalCellCount;
  }
  await completeProduction.execute({
    journeyId: batch.journeyId,
    donorCode: batch.donorCode,
    eventId: randomUUID(),
    occurrence: { cycle: 0, repeat: 0 },
    actor: operator,
    // Recorded now: the step's custody event takes only a plausible instant (GEN-01), while the
    // batch record runs days ahead so as not to meet other runs on the shared demo floor.
    occurredAt: new Date().toISOString(),
    order: {
      patientReference: 'PAT-IT-EBR',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    specification: { productCode: 'CART-CD19', version: 1, ...CART_CD19_V1 },
    knownPositiveMarkers: [],
    payload: { totalCellCount },
  } as StepInput<'completeProduction'>);
  return batch;
}
