import { Injectable } from '@nestjs/common';
import {
  isSignedStep,
  JourneyStep,
  STEP_PAYLOAD_SCHEMAS,
  type StepRequestBody,
} from '@v2v/contracts';
import { actorOf } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';
import { BedsideCheckService } from './bedside-check.service';
import { JourneyWorkflowRepository } from './journey-workflow.repository';
import type { StepCaller } from './step-caller.decorator';
import { journeyRefusal } from './temporal-errors';

/**
 * One journey step through the gateway, checks in a fixed order: the donor code (TRC-02) and
 * the user's training for the step (PER-01 / OTH-02) by the guards, the body (400), an
 * infusion's second bedside clinician (OTH-02), the signature of a release decision (CSV-02),
 * then the journey. The event id (also the Temporal update id and the step record's identity)
 * is the Idempotency-Key's scoped id (A9).
 */
@Injectable()
export class JourneyStepsService {
  constructor(
    private readonly journeys: JourneyWorkflowRepository,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
    private readonly bedside: BedsideCheckService,
  ) {}

  /** `donorCode` is canonical. */
  async take(step: JourneyStep, donorCode: string, body: unknown, caller: StepCaller) {
    const payload = STEP_PAYLOAD_SCHEMAS[step].parse(body);
    const eventId = this.eventIds.of(caller.idempotency);
    const actor = actorOf(caller.user);
    if (step === 'recordInfusion')
      await this.bedside.requireTwoClinicians(
        caller.user,
        (payload as StepRequestBody<'recordInfusion'>).verifications,
      );
    if (!isSignedStep(step)) return this.journeys.step(step, donorCode, payload, actor, eventId);
    // The password is checked and dropped here; the decision carries the sealed signature.
    const { signature: credentials, ...detail } = payload as { signature: { password: string } };
    return this.signatures.decide({
      user: caller.user,
      password: credentials.password,
      path: caller.path,
      content: { step, donorCode, eventId, detail },
      // Nothing is signed for a decision the journey would refuse anyway; a repeat of one it
      // holds (its answer lost to a crash) is not refused and gets its first answer.
      precheck: async () => {
        const command = { eventId, actor, payload: detail as never };
        const refusal = await this.journeys.refusal(step, donorCode, command);
        if (refusal) throw journeyRefusal(refusal.reasonCode, refusal.message);
      },
      record: (signature) =>
        this.journeys.step(step, donorCode, { ...detail, signature }, actor, eventId),
    });
  }
}
