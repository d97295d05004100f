import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  DonorIntakeActivities,
  ProductionActivities,
  ProductSpecification,
  ReleaseActivities,
  CART_CD19_V1,
  StepRecord,
  TASK_QUEUES,
} from '@v2v/contracts';

export const SPEC_V1: ProductSpecification = {
  productCode: 'CART-CD19',
  version: 1,
  ...CART_CD19_V1,
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
  private refusals = new Map<string, { type: string; message: string }>();
  /** Server time until which `getProductSpecification` fails as a service that is down does. */
  private specificationOutageUntil = 0;
  private answers = new Map<string, Partial<StepRecord>>();

  /** Makes a step's record carry e.g. an outcome (`quarantined`) or known-positive markers. */
  answer(name: string, record: Partial<StepRecord>): void {
    this.answers.set(name, record);
  }

  refuse(name: string, type: string, message: string): void {
    this.refusals.set(name, { type, message });
  }

  /** Production is unreachable (a transient, retryable error) until `untilMs`, server time. */
  specificationOutage(untilMs: number): void {
    this.specificationOutageUntil = untilMs;
  }

  allow(name: string): void {
    this.refusals.delete(name);
  }

  callsOf(name: string): ActivityCall[] {
    return this.calls.filter((c) => c.name === name);
  }

  private step(name: string) {
    return async (input: unknown): Promise<StepRecord> => {
      this.calls.push({ name, input, scheduledAt: Context.current().info.scheduledTimestampMs });
      const refusal = this.refusals.get(name);
      if (refusal) throw ApplicationFailure.nonRetryable(refusal.message, refusal.type);
      return {
        recordId: `${name}-${this.calls.length}`,
        summary: `${name} recorded`,
        ...this.answers.get(name),
      };
    };
  }

  donorIntake(): DonorIntakeActivities {
    const names = [
      'recordDonorScreening',
      'scheduleCollection',
      'recordCollection',
      'recordPostCollectionStorage',
      'handOverToCourier',
      'recordMaterialReceipt',
      'releaseMaterial',
      'rejectMaterial',
      'cancelJourney',
      'raiseTransportDeviation',
    ] as const;
    return Object.fromEntries(
      names.map((n) => [n, this.step(n)]),
    ) as unknown as DonorIntakeActivities;
  }

  production(): ProductionActivities {
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
      startProduction: this.step('startProduction'),
      completeProduction: this.step('completeProduction'),
    };
  }

  release(): ReleaseActivities {
    const names = [
      'recordQcResult',
      'releaseBatch',
      'rejectBatch',
      'shipToSite',
      'receiveAtSite',
      'recordInfusion',
      'completeFollowUp',
      'raiseShipmentDeviation',
    ] as const;
    return Object.fromEntries(names.map((n) => [n, this.step(n)])) as unknown as ReleaseActivities;
  }
}

/** The journey worker plus one activity worker per service queue, as in production. */
export async function startWorkers(
  connection: NativeConnection,
  namespace: string,
  workflowBundle: WorkflowBundleWithSourceMap,
  services: MockServices,
): Promise<() => Promise<void>> {
  const workers = await Promise.all([
    Worker.create({ connection, namespace, taskQueue: TASK_QUEUES.journey, workflowBundle }),
    Worker.create({
      connection,
      namespace,
      taskQueue: TASK_QUEUES.donorIntake,
      activities: services.donorIntake(),
    }),
    Worker.create({
      connection,
      namespace,
      taskQueue: TASK_QUEUES.production,
      activities: services.production(),
    }),
    Worker.create({
      connection,
      namespace,
      taskQueue: TASK_QUEUES.release,
      activities: services.release(),
    }),
  ]);
  const running = workers.map((w) => w.run());
  return async () => {
    workers.forEach((w) => w.shutdown());
    await Promise.all(running);
  };
}
