import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import {
  type Actor,
  type BatchStepActivityInput,
  CART_CD19_V1,
  formatDonorCode,
  generateDonorUniqueCode,
  type ProcessStepBooking,
  TOPICS,
} from '@v2v/contracts';
import { migrationDatabaseUrl } from '@v2v/database';
import { JourneyStepRecorder, RandomUuidGenerator, SystemClock } from '@v2v/service-kit';
import { DEMO_PROCESS_CART_CD19 } from '@v2v/testing';
import { BatchRepository } from '../../batches/batch.repository';
import { RetainedDonorMaterial } from '../../batches/retained-donor-material';
import { RetainedMaterialRepository } from '../../batches/retained-material.repository';
import { StartProductionUseCase } from '../../batches/usecases/start-production.usecase';
import { RoomBookingRepository } from '../../calendar/room-booking.repository';
import { BookProcessStepUseCase } from '../../calendar/usecases/book-process-step.usecase';
import { CancelBookingUseCase } from '../../calendar/usecases/cancel-booking.usecase';
import { RecordLineClearanceUseCase } from '../../calendar/usecases/record-line-clearance.usecase';
import { FacilityRepository } from '../../facility/facility.repository';
import { KeyMaterialConsumptionRepository } from '../../key-materials/key-material-consumption.repository';
import { KeyMaterialRepository } from '../../key-materials/key-material.repository';
import { RecordKeyMaterialConsumptionUseCase } from '../../key-materials/usecases/record-key-material-consumption.usecase';
import { ManufacturingSlotRepository } from '../../manufacturing-slots/manufacturing-slot.repository';
import { MediaFillRepository } from '../../media-fills/media-fill.repository';
import { MediaFillStanding } from '../../media-fills/usecases/media-fill-standing.usecase';
import { PRODUCTION_SCHEMA, productionDataSourceOptions } from '../../production.data-source';
import { ProcessRepository } from '../../processes/process.repository';
import { ProcessValidationStanding } from '../../processes/usecases/process-validation-standing.usecase';
import { BatchRecordRepository } from '../batch-record.repository';
import { BatchStepContext } from '../usecases/batch-step-context';
import { BatchStepWriter } from '../usecases/batch-step-writer';
import { CompleteBatchStepUseCase } from '../usecases/complete-batch-step.usecase';
import { RaiseBatchTransferDeviationUseCase } from '../usecases/raise-batch-transfer-deviation.usecase';
import { RecordDecontaminationUseCase } from '../usecases/record-decontamination.usecase';
import { StartBatchStepUseCase } from '../usecases/start-batch-step.usecase';
import { RUN_DAY_ENV, RUN_SLOT_ENV } from './run-day';

export const operator: Actor = { userId: 'it.operator', role: 'operator' };
export const productionManager: Actor = { userId: 'it.manager', role: 'production-manager' };
export const STEPS = DEMO_PROCESS_CART_CD19.steps;
const MINUTE = 60_000;

/**
 * The batch-record use cases wired as the production module wires them, on the real schema
 * as migrated and seeded (CART-CD19 v1 validated by the seed, the demo floor, L1 qualified on
 * every shift), through the services' role; `owner` is the schema owner, for the rows a test
 * puts on record directly and the refusals that hold even for it.
 */
export async function batchRecordTestContext() {
  const dataSource = await new DataSource(productionDataSourceOptions()).initialize();
  const owner = await new DataSource({
    ...productionDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions).initialize();
  const clock = new SystemClock();
  const processes = new ProcessRepository(dataSource);
  const validation = new ProcessValidationStanding(processes);
  const bookings = new RoomBookingRepository(dataSource);
  const facility = new FacilityRepository();
  const records = new BatchRecordRepository(dataSource);
  const writer = new BatchStepWriter(dataSource, records, clock);
  const context = new BatchStepContext(records, processes);
  const calendar = new BookProcessStepUseCase(dataSource, bookings, facility, validation, clock);
  const steps = new JourneyStepRecorder(dataSource, {
    schema: PRODUCTION_SCHEMA,
    producer: 'production',
    topic: TOPICS.production,
  });
  const consumptions = new RecordKeyMaterialConsumptionUseCase(
    dataSource,
    new KeyMaterialRepository(dataSource),
    new KeyMaterialConsumptionRepository(dataSource),
    clock,
    new RandomUuidGenerator(),
  );
  const mediaFills = new MediaFillStanding(dataSource, facility, new MediaFillRepository(), clock);
  return {
    dataSource,
    owner,
    calendar,
    cancel: new CancelBookingUseCase(dataSource, bookings),
    clearance: new RecordLineClearanceUseCase(dataSource, bookings, clock),
    startProduction: new StartProductionUseCase(
      steps,
      new BatchRepository(dataSource),
      processes,
      validation,
      new RetainedDonorMaterial(new RetainedMaterialRepository(), new RandomUuidGenerator()),
      new ManufacturingSlotRepository(dataSource),
    ),
    start: new StartBatchStepUseCase(
      writer,
      context,
      records,
      bookings,
      calendar,
      facility,
      mediaFills,
      processes,
    ),
    complete: new CompleteBatchStepUseCase(writer, context, records, bookings, consumptions),
    decontaminate: new RecordDecontaminationUseCase(dataSource, records, facility),
    transferOverdue: new RaiseBatchTransferDeviationUseCase(dataSource, records, clock),
    count: async (sql: string, params: unknown[]) =>
      Number(((await dataSource.query(sql, params)) as Array<{ n: string }>)[0].n),
  };
}
export type BatchRecordTestContext = Awaited<ReturnType<typeof batchRecordTestContext>>;

export const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({ facility: 'Y9999', year: 2026, sequence: randomInt(1, 999_999) }),
  );

const DAY = 86_400_000;
/**
 * This run's day, 3 to 44 days ahead (the seeded media fills and integrity checks hold then),
 * and its starting slot: chosen once per test run by the integration global setup, so that the
 * spec files sharing the demo floor take their own `dayOffset` days of the same run instead of
 * each drawing a day of its own and meeting another file's bookings.
 */
const RUN_DAY =
  Math.floor(Date.now() / DAY) * DAY + Number(process.env[RUN_DAY_ENV] ?? randomInt(3, 45)) * DAY;
const RUN_SLOT = (8 * 60 + Number(process.env[RUN_SLOT_ENV] ?? randomInt(0, 18)) * 10) * MINUTE;

/**
 * A point between 08:00 and 10:50 UTC of this run's day plus `dayOffset` days: two runs on one
 * database rarely meet, each test of a run has its day, and the day shift holds five hourly
 * steps after it.
 */
export function dayShiftBase(dayOffset: number): number {
  return RUN_DAY + dayOffset * DAY + RUN_SLOT;
}
export const at = (base: number, minutes: number) => new Date(base + minutes * MINUTE);

export interface StartedBatch {
  batchNumber: string;
  donorCode: string;
  journeyId: string;
}

/** A batch of CART-CD19 started by the journey's `startProduction` on the seeded process. */
export async function startedBatch(ctx: BatchRecordTestContext): Promise<StartedBatch> {
  const donorCode = newDonorCode();
  const journeyId = `journey-${donorCode}`;
  const record = await ctx.startProduction.execute({
    journeyId,
    donorCode,
    eventId: randomUUID(),
    occurrence: { cycle: 0, repeat: 0 },
    actor: operator,
    occurredAt: new Date().toISOString(),
    order: {
      patientReference: 'PAT-IT-EBR',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    specification: { productCode: 'CART-CD19', version: 1, ...CART_CD19_V1 },
    knownPositiveMarkers: [],
    payload: { labelScan: donorCode },
  });
  return { batchNumber: record.batchNumber!, donorCode, journeyId };
}

/** Where each demo step runs on the demo floor. */
export const PLACEMENT: Array<
  Pick<ProcessStepBooking, 'roomCode' | 'equipmentCode' | 'incubatorCompartment'>
> = [
  { roomCode: 'CP1-R03', equipmentCode: 'CS-301' },
  { roomCode: 'CP1-R01', equipmentCode: 'BSC-101' },
  { roomCode: 'CP1-R04', equipmentCode: 'INC-402', incubatorCompartment: randomInt(1, 7) },
  { roomCode: 'CP1-R03', equipmentCode: 'CS-301' },
  { roomCode: 'CP1-R03', equipmentCode: 'ISO-301' },
];

/** Books step `index` of the batch for [from, from + 60 min) through the calendar (PRD-04). */
export async function book(
  ctx: BatchRecordTestContext,
  batch: StartedBatch,
  index: number,
  from: Date,
  overrides: Partial<ProcessStepBooking> = {},
) {
  return ctx.calendar.execute({
    booking: {
      donorCode: batch.donorCode,
      productCode: 'CART-CD19',
      processVersion: 1,
      stepId: STEPS[index].stepId,
      batchKind: 'commercial',
      lineCode: 'L1',
      positiveMaterial: false,
      ...PLACEMENT[index],
      startsAt: from.toISOString(),
      endsAt: new Date(from.getTime() + 60 * MINUTE).toISOString(),
      ...overrides,
    },
    eventId: randomUUID(),
    bookedBy: productionManager,
  });
}

/**
 * When the batch record accepted the simulated update: at the start or end it records, on this
 * run's day ahead, as the operator would send it then (GEN-01 judges the step's times by it).
 */
function acceptedAt(payload: unknown): string {
  const { startedAt, endedAt } = (payload ?? {}) as { startedAt?: string; endedAt?: string };
  return startedAt ?? endedAt ?? new Date().toISOString();
}

/** What the batch-record workflow hands production for step `index` of the batch. */
export function activityInput<P>(
  batch: StartedBatch,
  index: number,
  payload: P,
  overrides: Partial<BatchStepActivityInput<P>> = {},
): BatchStepActivityInput<P> {
  return {
    journeyId: batch.journeyId,
    donorCode: batch.donorCode,
    batchNumber: batch.batchNumber,
    processVersion: 1,
    stepId: STEPS[index].stepId,
    stepIndex: index,
    eventId: randomUUID(),
    actor: operator,
    occurredAt: acceptedAt(payload),
    knownPositiveMarkers: [],
    payload,
    ...overrides,
  };
}
