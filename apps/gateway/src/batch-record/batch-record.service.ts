import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  BatchRecordView,
  BatchStepCommand,
  BatchStepCompletion,
  batchRecordWorkflowId,
  BatchStepStart,
  completeBatchStepUpdate,
  Decontamination,
  DomainError,
  startBatchStepUpdate,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { GatewayConfig } from '../config/gateway-config';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';
import type { StepCaller } from '../journeys/step-caller.decorator';
import { batchLabelPdf, batchLabelPng } from '../labels/batch-label';
import { BatchRecordWorkflowRepository } from './batch-record-workflow.repository';

/**
 * The electronic batch record at the edge (PRD-01..08, PER-02): the journey names its batch,
 * the child workflow `batch-<batch number>` takes each step's start and completion as updates
 * (event id = the Idempotency-Key's scoped id, also the update id), and its refusals reach HTTP
 * as the journey's steps do (toDomainError). Donor codes given here are canonical.
 */
@Injectable()
export class BatchRecordService {
  constructor(
    private readonly batches: BatchRecordWorkflowRepository,
    private readonly journeys: JourneyWorkflowRepository,
    private readonly production: ProductionClient,
    private readonly eventIds: EventIds,
    private readonly config: GatewayConfig,
  ) {}

  async view(donorCode: string) {
    const batchNumber = await this.batchNumberOf(donorCode);
    const view = await this.batches.view(batchNumber, donorCode);
    return {
      ...view,
      temporalUiUrl: this.config.workflowUiLink(batchRecordWorkflowId(batchNumber)),
    };
  }

  start(donorCode: string, stepId: string, payload: BatchStepStart, caller: StepCaller) {
    return this.update(startBatchStepUpdate, donorCode, stepId, payload, caller);
  }

  complete(donorCode: string, stepId: string, payload: BatchStepCompletion, caller: StepCaller) {
    return this.update(completeBatchStepUpdate, donorCode, stepId, payload, caller);
  }

  /** PRD-06: a label of this donor's batch, rendered from what production generated. */
  async label(donorCode: string, labelId: string, format: 'pdf' | 'png') {
    const label = await this.production.batchLabel(labelId);
    if (label.donorCode !== donorCode)
      throw new DomainError('NOT_FOUND', `label ${labelId} is not a label of ${donorCode}`);
    return format === 'pdf' ? batchLabelPdf(label) : batchLabelPng(label);
  }

  decontaminate(
    decontamination: Decontamination,
    caller: { user: AuthenticatedUser; idempotency?: IdempotencyScope },
  ) {
    return this.production.recordDecontamination({
      ...decontamination,
      eventId: this.eventIds.of(caller.idempotency),
      recordedBy: actorOf(caller.user),
    });
  }

  private async update<P>(
    definition: UpdateDefinition<BatchRecordView, [BatchStepCommand<P>]>,
    donorCode: string,
    stepId: string,
    payload: P,
    caller: StepCaller,
  ) {
    const batchNumber = await this.batchNumberOf(donorCode);
    const eventId = this.eventIds.of(caller.idempotency);
    return this.batches.update(definition, batchNumber, donorCode, {
      stepId,
      eventId,
      actor: actorOf(caller.user),
      payload,
    });
  }

  /** The journey's batch: the one its batch record (and QA's review of it) is about. */
  async batchNumberOf(donorCode: string): Promise<string> {
    const { view } = await this.journeys.status(donorCode);
    if (!view.batchNumber)
      throw new DomainError(
        'NOT_FOUND',
        `the journey of ${donorCode} has no batch record: production has not started`,
      );
    return view.batchNumber;
  }
}
