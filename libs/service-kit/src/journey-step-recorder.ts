import { Provider } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  JOURNEY_STEP_RECORDS,
  JourneyStep,
  RaiseDeviationInput,
  StepActivityInput,
  StepPayload,
  stepPayloadSchema,
  StepRecord,
  stepRecordTypes,
} from '@v2v/contracts';
import { StepOwner, stepRecorder } from '@v2v/messaging';

/** What a step's use case says about the step: its summary line and its detail. */
export interface StepContent {
  summary: string;
  detail: Record<string, unknown>;
}

/**
 * The journey steps a service owns, recorded through `stepRecorder` (once per event id, with
 * the audit entry and the custody event) as the record and message type the step table
 * (`JOURNEY_STEP_RECORDS`) gives them.
 */
export class JourneyStepRecorder {
  private readonly steps: ReturnType<typeof stepRecorder>;

  constructor(
    dataSource: DataSource,
    private readonly owner: StepOwner,
  ) {
    this.steps = stepRecorder(dataSource, owner);
  }

  record(
    step: JourneyStep,
    input: StepActivityInput<unknown>,
    content: StepContent,
    guard?: (manager: EntityManager) => Promise<unknown>,
  ): Promise<StepRecord> {
    this.requireOwnStep(step, input);
    return this.steps.record(input, { step, ...stepRecordTypes(step), ...content }, guard);
  }

  private requireOwnStep(step: JourneyStep, input: StepActivityInput<unknown>): void {
    const expected = JOURNEY_STEP_RECORDS[step].owner;
    if (expected !== this.owner.producer) {
      throw new Error(`step ${step} belongs to ${expected}, not ${this.owner.producer}`);
    }
    requireValidPayload(step, input.payload, Date.parse(input.occurredAt));
  }

  /**
   * As `record`, where the step decides more inside its transaction: what `findings` returns
   * (the deviations it raised, QA-04) joins the step's detail and reaches the journey.
   */
  recordWithFindings(
    step: JourneyStep,
    input: StepActivityInput<unknown>,
    content: StepContent,
    findings: (manager: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<StepRecord> {
    this.requireOwnStep(step, input);
    return this.steps.recordWithFindings(
      input,
      { step, ...stepRecordTypes(step), ...content },
      findings,
    );
  }

  /** A deviation raised by the journey (GEN-01), recorded once per deviation id. */
  deviation(input: RaiseDeviationInput): Promise<StepRecord> {
    return this.steps.deviation(input);
  }
}

/**
 * The payload checked where the step is written: the gateway validated it, but a forged Temporal
 * update reaches the journey without the gateway (a year-0 instant, a collection dated next
 * week, a field the body has not). Event times are judged against `occurredAt`, the workflow
 * time at which the journey accepted the step, carried in the activity's input: a retry of the
 * activity hours later judges them as the first attempt did (GEN-01). A use case that decides
 * something before recording (a refused bedside check raising its emergency) calls it first.
 */
export function requireValidPayload(step: JourneyStep, payload: unknown, receivedAt: number): void {
  const result = stepPayloadSchema(step, receivedAt).safeParse(payload);
  if (result.success) return;
  const fieldErrors = result.error.issues.map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));
  throw new DomainError(
    'VALIDATION_FAILED',
    `the ${step} payload is invalid: ${fieldErrors.map((e) => `${e.path || '(payload)'}: ${e.message}`).join('; ')}`,
    { fieldErrors },
  );
}

export function journeyStepRecorderProvider(owner: StepOwner): Provider {
  return {
    provide: JourneyStepRecorder,
    inject: [DataSource],
    useFactory: (dataSource: DataSource) => new JourneyStepRecorder(dataSource, owner),
  };
}

/** What the journey sends the owning service for a step. */
export type StepInput<S extends JourneyStep> = StepActivityInput<StepPayload<S>>;

/** A journey step's use case: one `execute`, called by the service's activity adapter. */
export interface StepUseCase<S extends JourneyStep> {
  execute(input: StepInput<S>): Promise<StepRecord>;
}
