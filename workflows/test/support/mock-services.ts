import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker, WorkflowBundleOption } from '@temporalio/worker';
import {
  type ExcursionEmergencyInput,
  BatchStepActivityInput,
  BatchStepCompletion,
  BatchStepRecord,
  BatchTransferOverdueInput,
  CustodyLegBinding,
  DonorIntakeActivities,
  DonorMaterialReleaseGateActivities,
  ManufacturingSlot,
  ProductionActivities,
  ProductionReleaseGateActivities,
  ProductSpecification,
  QualityControlReleaseGateActivities,
  ReleaseActivities,
  ReleaseGate,
  ReleaseGateItem,
  ReleaseGateQuery,
  CART_CD19_V1,
  StepRecord,
  TASK_QUEUES,
  TraceabilityReleaseGateActivities,
} from '@v2v/contracts';
import { DEMO_PROCESS_CART_CD19 } from '@v2v/testing';
import { tracingActivityInterceptors, tracingWorkflowSinks } from '@v2v/temporal';
import type { RunningTracing } from '@v2v/tracing';

export const SPEC_V1: ProductSpecification = {
  productCode: 'CART-CD19',
  version: 1,
  ...CART_CD19_V1,
};

type GateOwner = ReleaseGate['answeredBy'];

/** The release gates each owning service answers for, as the real services split them. */
const GATES_OF: Record<GateOwner, ReleaseGateItem[]> = {
  'donor-intake': ['QA-02.3', 'QA-02.5'],
  production: ['QA-02.2', 'QA-02.3', 'QA-02.4', 'PRD-05'],
  release: ['QA-02.1', 'QA-01'],
  traceability: ['QA-02.4'],
};

export interface ActivityCall {
  name: string;
  input: unknown;
  /** Server time at which the activity was scheduled (skipped time in time-skipping tests). */
  scheduledAt: number;
}

/**
 * The three services' activities, mocked: each records its call and answers like the real
 * service. `refuse` makes one activity fail the way a service refusal does.
 */
export class MockServices {
  readonly calls: ActivityCall[] = [];
  /**
   * The version `getProductSpecification` publishes as latest; tests raise it to publish a new one.
   */
  latestSpecVersion = 1;
  private refusals = new Map<string, { type: string; message: string; details?: unknown }>();
  /** Server time until which `getProductSpecification` fails as a service that is down does. */
  private specificationOutageUntil = 0;
  private answers = new Map<string, Partial<StepRecord>>();
  /** Production numbers each started batch (as the real service does since the batch record). */
  numberBatches = false;
  /** Gates a test changed, by batch, gate item and owner; every other gate answers settled. */
  private gateChanges = new Map<string, Partial<ReleaseGate>>();

  /** Sets one gate of a batch as its owning service would answer it from now on. */
  gate(batchNumber: string, item: ReleaseGateItem, owner: GateOwner, gate: Partial<ReleaseGate>) {
    this.gateChanges.set(`${batchNumber}/${item}/${owner}`, gate);
  }

  private gatesOf(owner: GateOwner, query: ReleaseGateQuery): ReleaseGate[] {
    return GATES_OF[owner].map((item) => ({
      item,
      answeredBy: owner,
      status: 'settled',
      detail: `${item} settled`,
      openRecords: [],
      contentHash: `${item}-${owner}-v1`,
      ...this.gateChanges.get(`${query.batchNumber}/${item}/${owner}`),
    }));
  }

  private gateActivity(name: string, owner: GateOwner) {
    return async (query: ReleaseGateQuery): Promise<ReleaseGate[]> => {
      await this.recorded(name, () => ({}))(query);
      return this.gatesOf(owner, query);
    };
  }

  /** Makes a step's record carry e.g. an outcome (`quarantined`) or known-positive markers. */
  answer(name: string, record: Partial<StepRecord>): void {
    this.answers.set(name, record);
  }

  /** `details`: what the refusal carries, as a service's DomainError details (deviations). */
  refuse(name: string, type: string, message: string, details?: unknown): void {
    this.refusals.set(name, { type, message, details });
  }

  /** Production is unreachable (a transient, retryable error) until `untilMs`, server time. */
  specificationOutage(untilMs: number): void {
    this.specificationOutageUntil = untilMs;
  }

  allow(name: string): void {
    this.refusals.delete(name);
  }

  /** A donor's first batch is `batchNumberFor`; a re-manufactured one adds `-R<n>`. */
  private nextBatchNumber(donorCode: string): string {
    const earlier = this.callsOf('startProduction').filter(
      (c) => (c.input as { donorCode: string }).donorCode === donorCode,
    ).length;
    return earlier > 1 ? `${batchNumberFor(donorCode)}-R${earlier - 1}` : batchNumberFor(donorCode);
  }

  callsOf(name: string): ActivityCall[] {
    return this.calls.filter((c) => c.name === name);
  }

  private step(name: string) {
    return this.recorded(name, () => ({}));
  }

  /** Records the call, applies a refusal set with `refuse`, else answers with `answer`. */
  private recorded<I, R extends object>(name: string, answer: (input: I) => R) {
    return async (input: I): Promise<StepRecord & R> => {
      this.calls.push({ name, input, scheduledAt: Context.current().info.scheduledTimestampMs });
      const refusal = this.refusals.get(name);
      if (refusal)
        throw ApplicationFailure.create({
          ...refusal,
          nonRetryable: true,
          details: refusal.details === undefined ? undefined : [refusal.details],
        });
      return {
        recordId: `${name}-${this.calls.length}`,
        summary: `${name} recorded`,
        ...answer(input),
        ...this.answers.get(name),
      };
    };
  }

  /**
   * Production's manufacturing slots: a hold is a slot starting on the preferred day (or the
   * collection date), confirmed or released as the journey asks; `refuse` makes a hold fail.
   */
  private slotActivities(): Pick<
    ProductionActivities,
    'holdManufacturingSlot' | 'confirmManufacturingSlot' | 'releaseManufacturingSlot'
  > {
    const slots = new Map<string, ManufacturingSlot>();
    const change = (slotId: string, update: Partial<ManufacturingSlot>) => {
      const slot = { ...slots.get(slotId)!, ...update };
      slots.set(slotId, slot);
      return slot;
    };
    return {
      holdManufacturingSlot: async (input) => {
        await this.recorded('holdManufacturingSlot', () => ({}))(input);
        const slotId = `slot-${input.eventId}`;
        const startsOn =
          input.preferredStartOn ?? input.collectionDate ?? input.occurredAt.slice(0, 10);
        slots.set(slotId, {
          slotId,
          donorCode: input.donorCode,
          journeyId: input.journeyId,
          productCode: input.productCode,
          lineCode: 'LINE-1',
          areaCode: 'AREA-1',
          startsOn,
          endsOn: startsOn,
          plannedShipmentOn: null,
          status: 'held',
          reason: input.reason,
          requestedBy: input.actor,
          requestedAt: input.occurredAt,
        });
        return slots.get(slotId)!;
      },
      confirmManufacturingSlot: async (input) => {
        await this.recorded('confirmManufacturingSlot', () => ({}))(input);
        return change(input.slotId, { status: 'booked' });
      },
      releaseManufacturingSlot: async (input) => {
        await this.recorded('releaseManufacturingSlot', () => ({}))(input);
        const slotId =
          input.slotId ??
          [...slots.values()].find((s) => s.donorCode === input.donorCode && s.status === 'booked')
            ?.slotId;
        return slotId ? change(slotId, { status: 'released', releaseReason: input.reason }) : null;
      },
    };
  }

  /**
   * Production's batch record: a start prints one label per step, and the last step's
   * completion carries the cell count it was given (the batch size, PRD-01).
   */
  private batchActivities() {
    const lastStep = DEMO_PROCESS_CART_CD19.steps.at(-1)!.stepId;
    const cellCount = DEMO_PROCESS_CART_CD19.cellCountParameter;
    return {
      getBatchProcess: this.recorded(
        'getBatchProcess',
        (input: { productCode: string; specificationVersion: number }) => ({
          ...input,
          processVersion: 1,
          content: DEMO_PROCESS_CART_CD19,
        }),
      ),
      startBatchStep: this.recorded('startBatchStep', (input: BatchStepActivityInput<unknown>) => ({
        deviations: [],
        labels: [
          {
            labelId: `LBL-${input.batchNumber}-${input.stepIndex}`,
            stepId: input.stepId,
            container: 'bag',
            content: `${input.donorCode}|${input.batchNumber}|${input.stepId}`,
          },
        ],
      })),
      completeBatchStep: this.recorded(
        'completeBatchStep',
        (
          input: BatchStepActivityInput<BatchStepCompletion>,
        ): Omit<BatchStepRecord, 'recordId'> => ({
          summary: `${input.stepId} completed`,
          deviations: [],
          labels: [],
          ...(input.stepId === lastStep
            ? {
                totalCellCount: input.payload.parameters.find((p) => p.parameterId === cellCount)
                  ?.value,
              }
            : {}),
        }),
      ),
      raiseBatchTransferDeviation: this.recorded(
        'raiseBatchTransferDeviation',
        (input: BatchTransferOverdueInput) => ({
          deviations: [
            {
              deviationId: `${input.batchNumber}-${input.fromStepId}-transfer`,
              stepId: input.fromStepId,
              rule: 'GEN-01' as const,
              message: `transfer out of ${input.fromStepId} was due by ${input.dueAt} (GEN-01)`,
              raisedAt: input.dueAt,
            },
          ],
          labels: [],
        }),
      ),
    };
  }

  donorIntake(): DonorIntakeActivities & DonorMaterialReleaseGateActivities {
    const names = [
      'recordDonorScreening',
      'scheduleCollection',
      'postponeCollection',
      'recordCollection',
      'recordPostCollectionStorage',
      'handOverToCourier',
      'recordMaterialReceipt',
      'releaseMaterial',
      'rejectMaterial',
      'cancelJourney',
      'raiseTransportDeviation',
    ] as const;
    return {
      ...(Object.fromEntries(
        names.map((n) => [n, this.step(n)]),
      ) as unknown as DonorIntakeActivities),
      donorMaterialReleaseGates: this.gateActivity('donorMaterialReleaseGates', 'donor-intake'),
      // GEN-01: the leg's binding, recorded; no readings are stored before it in these tests.
      bindCustodyLegLogger: async (input: CustodyLegBinding) => {
        const { scheduledTimestampMs } = Context.current().info;
        this.calls.push({ name: 'bindCustodyLegLogger', input, scheduledAt: scheduledTimestampMs });
        return undefined;
      },
    };
  }

  production(): ProductionActivities & ProductionReleaseGateActivities {
    return {
      getProductSpecification: async (input) => {
        const { scheduledTimestampMs, currentAttemptScheduledTimestampMs } = Context.current().info;
        this.calls.push({
          name: 'getProductSpecification',
          input,
          scheduledAt: scheduledTimestampMs,
        });
        if (currentAttemptScheduledTimestampMs < this.specificationOutageUntil)
          throw new Error('connect ECONNREFUSED production:3002');
        return { ...SPEC_V1, version: this.latestSpecVersion };
      },
      startProduction: this.recorded('startProduction', (input: { donorCode: string }) =>
        this.numberBatches ? { batchNumber: this.nextBatchNumber(input.donorCode) } : {},
      ),
      completeProduction: this.step('completeProduction'),
      rejectFailedBatch: this.step('rejectFailedBatch'),
      remanufactureBatch: this.step('remanufactureBatch'),
      requireNoBatchReleaseHold: async (input) => {
        await this.recorded('requireNoBatchReleaseHold', () => ({}))(input);
      },
      ...this.slotActivities(),
      ...this.batchActivities(),
      productionReleaseGates: this.gateActivity('productionReleaseGates', 'production'),
    };
  }

  release(): ReleaseActivities & QualityControlReleaseGateActivities {
    const names = [
      'recordQcResult',
      'releaseBatch',
      'rejectBatch',
      'shipToSite',
      'receiveAtSite',
      'recordThaw',
      'recordInfusion',
      'completeFollowUp',
      'raiseShipmentDeviation',
    ] as const;
    const gates: QualityControlReleaseGateActivities = {
      qualityControlReleaseGates: async (query) => {
        await this.recorded('qualityControlReleaseGates', () => ({}))(query);
        return { gates: this.gatesOf('release', query), resultsToFollow: [] };
      },
      voidRelease: async (input) => {
        await this.recorded('voidRelease', () => ({}))(input);
      },
    };
    // QA-04: the emergency is recorded under an id of the release service's own.
    const raiseExcursionEmergency = async (input: ExcursionEmergencyInput) => {
      await this.recorded('raiseExcursionEmergency', () => ({}))(input);
      return { ...input.deviation, deviationId: `emergency-${input.deviation.deviationId}` };
    };
    return {
      ...(Object.fromEntries(names.map((n) => [n, this.step(n)])) as unknown as ReleaseActivities),
      raiseExcursionEmergency,
      ...gates,
    };
  }

  traceability(): TraceabilityReleaseGateActivities {
    return {
      ledgerChainReleaseGates: this.gateActivity('ledgerChainReleaseGates', 'traceability'),
    };
  }
}

/** The batch number the mocked production gives a donor's batch. */
export function batchNumberFor(donorCode: string): string {
  return `B${donorCode.replace(/\W/g, '')}`;
}

/**
 * The journey worker plus one activity worker per service queue, as in production; with
 * `tracing`, each with Temporal's tracing interceptors and the journey worker's span sink, as a
 * process that traces has them (the bundle must then be the traced one).
 */
export async function startWorkers(
  connection: NativeConnection,
  namespace: string,
  workflowBundle: WorkflowBundleOption,
  services: MockServices,
  tracing?: RunningTracing,
): Promise<() => Promise<void>> {
  const traced = tracing
    ? { interceptors: { activity: tracingActivityInterceptors(tracing) } }
    : {};
  const activityWorker = (taskQueue: string, activities: object) =>
    Worker.create({ connection, namespace, taskQueue, activities, ...traced });
  const workers = await Promise.all([
    Worker.create({
      connection,
      namespace,
      taskQueue: TASK_QUEUES.journey,
      workflowBundle,
      sinks: tracingWorkflowSinks(tracing),
    }),
    activityWorker(TASK_QUEUES.donorIntake, services.donorIntake()),
    activityWorker(TASK_QUEUES.production, services.production()),
    activityWorker(TASK_QUEUES.release, services.release()),
    activityWorker(TASK_QUEUES.traceability, services.traceability()),
  ]);
  const running = workers.map((w) => w.run());
  return async () => {
    workers.forEach((w) => w.shutdown());
    await Promise.all(running);
  };
}
