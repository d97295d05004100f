import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  evaluateStep,
  isSignedStep,
  JourneyStep,
  requireDonorCode,
  STEP_PAYLOAD_SCHEMAS,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';
import { TrainingMatrixService } from '../training/training-matrix.service';
import { JourneyCommandsService } from './journey-commands.service';

export interface StepRequest {
  code: string;
  body: unknown;
  user: AuthenticatedUser;
  key?: string;
  path: string;
}

/**
 * One journey step through the gateway, checks in a fixed order: the donor code (TRC-02),
 * the body (400), the user's training for the step (PER-01 / OTH-02), the signature of a
 * release decision (CSV-02), then the journey.
 */
@Injectable()
export class JourneyStepsService {
  constructor(
    private readonly journeys: JourneyCommandsService,
    private readonly training: TrainingMatrixService,
    private readonly signatures: ElectronicSignatureService,
  ) {}

  async take(step: JourneyStep, request: StepRequest) {
    const donorCode = requireDonorCode(request.code);
    const payload = STEP_PAYLOAD_SCHEMAS[step].parse(request.body);
    await this.training.assertTrained(request.user, step, { method: 'POST', path: request.path });
    const eventId = request.key ?? randomUUID();
    const actor = actorOf(request.user);
    if (!isSignedStep(step)) return this.journeys.step(step, donorCode, payload, actor, eventId);
    // The password is checked and dropped here; the decision carries the sealed signature.
    const { signature: credentials, ...detail } = payload as { signature: { password: string } };
    return this.signatures.decide({
      user: request.user,
      password: credentials.password,
      path: request.path,
      content: { step, donorCode, eventId, detail },
      // Nothing is signed for a decision the journey would refuse anyway.
      precheck: async () => {
        const evaluation = evaluateStep(await this.journeys.stage(donorCode), step);
        if (!evaluation.allowed) throw new DomainError(evaluation.reasonCode, evaluation.message);
      },
      record: (signature) =>
        this.journeys.step(step, donorCode, { ...detail, signature }, actor, eventId),
    });
  }
}
