import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import {
  Actor,
  DonorCodeKey,
  InstitutionIdKey,
  JOURNEY_WORKFLOW_TYPE,
  JourneyInput,
  JourneyStageKey,
  journeyStageQuery,
  journeyStatusQuery,
  journeyStepUpdate,
  JourneyStep,
  journeyWorkflowId,
  ProductCodeKey,
  StepCommand,
  stepRefusalQuery,
  TASK_QUEUES,
} from '@v2v/contracts';
import { GatewayConfig } from '../config/gateway-config';
import { TemporalClientPort } from '@v2v/service-kit';
import { executeStepUpdate } from '@v2v/temporal';
import { toDomainError } from './temporal-errors';

/** How long the gateway waits for a journey to answer a query before it answers 503. */
export const QUERY_DEADLINE_MS = 10_000;

/**
 * The journeys as Temporal keeps them: what the gateway starts, sends and asks, through the
 * injected Temporal connection. Donor codes given here are canonical.
 */
@Injectable()
export class JourneyWorkflowRepository {
  constructor(
    private readonly temporal: TemporalClientPort,
    private readonly config: GatewayConfig,
  ) {}

  async start(input: JourneyInput): Promise<{ journeyId: string; temporalUiUrl: string }> {
    const client = await this.temporal.client();
    const journeyId = journeyWorkflowId(input.donorCode);
    try {
      await client.workflow.start(JOURNEY_WORKFLOW_TYPE, {
        workflowId: journeyId,
        taskQueue: TASK_QUEUES.journey,
        args: [input],
        typedSearchAttributes: [
          { key: DonorCodeKey, value: input.donorCode },
          { key: InstitutionIdKey, value: input.order.institutionId },
          { key: ProductCodeKey, value: input.order.productCode },
          { key: JourneyStageKey, value: 'ordered' },
        ],
        memo: { donorCode: input.donorCode, stage: 'ordered' },
      });
    } catch (error) {
      // A repeated order (same idempotency key, same donor) finds its journey started.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return { journeyId, temporalUiUrl: this.config.workflowUiLink(journeyId) };
  }

  /** Sends a validated step to the journey; `payload` is parsed, `eventId` the update id. */
  async step(
    step: JourneyStep,
    donorCode: string,
    payload: unknown,
    actor: Actor,
    eventId: string,
  ) {
    const handle = await this.handle(donorCode);
    try {
      return await executeStepUpdate(
        handle,
        journeyStepUpdate(step),
        [{ eventId, actor, payload: payload as never }],
        eventId,
      );
    } catch (error) {
      throw toDomainError(error, donorCode);
    }
  }

  /** The journey's refusal of this step now, or null: what its update validator would say. */
  async refusal(step: JourneyStep, donorCode: string, command: StepCommand) {
    return this.query(donorCode, (handle) => handle.query(stepRefusalQuery, step, command));
  }

  async stage(donorCode: string) {
    return this.query(donorCode, (handle) => handle.query(journeyStageQuery));
  }

  async status(donorCode: string) {
    const status = await this.query(donorCode, (handle) => handle.query(journeyStatusQuery));
    return { ...status, temporalUiUrl: this.config.workflowUiLink(journeyWorkflowId(donorCode)) };
  }

  /**
   * A query of the journey, answered within QUERY_DEADLINE_MS or refused 503 with a retry hint
   * (`toDomainError`): a worker behind a burst of orders answers queries late, and a client
   * waiting longer than its own timeout would see no answer at all.
   */
  private async query<T>(donorCode: string, ask: (handle: WorkflowHandle) => Promise<T>) {
    const client = await this.temporal.client();
    const handle = client.workflow.getHandle(journeyWorkflowId(donorCode));
    try {
      return await client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => ask(handle));
    } catch (error) {
      throw toDomainError(error, donorCode);
    }
  }

  /** Donor codes of the journeys started in [from, to] (ISO date-times), oldest first. */
  async startedBetween(from: string, to: string, limit: number): Promise<string[]> {
    const query = `WorkflowType = '${JOURNEY_WORKFLOW_TYPE}' AND StartTime BETWEEN '${from}' AND '${to}'`;
    const codes: string[] = [];
    for await (const wf of (await this.temporal.client()).workflow.list({ query, pageSize: 100 })) {
      const code = wf.typedSearchAttributes.get(DonorCodeKey);
      if (code) codes.push(code);
      if (codes.length >= limit) break;
    }
    return codes.reverse();
  }

  async list(filter: { stage?: string; institutionId?: string }) {
    const clauses = [`WorkflowType = '${JOURNEY_WORKFLOW_TYPE}'`];
    if (filter.stage) clauses.push(`JourneyStage = '${filter.stage.replace(/'/g, '')}'`);
    if (filter.institutionId)
      clauses.push(`InstitutionId = '${filter.institutionId.replace(/'/g, '')}'`);
    const journeys = [];
    for await (const wf of (await this.temporal.client()).workflow.list({
      query: clauses.join(' AND '),
      pageSize: 100,
    })) {
      journeys.push({
        journeyId: wf.workflowId,
        donorCode: wf.typedSearchAttributes.get(DonorCodeKey),
        stage: wf.typedSearchAttributes.get(JourneyStageKey),
        institutionId: wf.typedSearchAttributes.get(InstitutionIdKey),
        productCode: wf.typedSearchAttributes.get(ProductCodeKey),
        status: wf.status.name,
        startedAt: wf.startTime.toISOString(),
      });
      if (journeys.length >= 500) break;
    }
    return journeys;
  }

  private async handle(donorCode: string) {
    return (await this.temporal.client()).workflow.getHandle(journeyWorkflowId(donorCode));
  }
}
