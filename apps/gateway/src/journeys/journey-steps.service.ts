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
    let command: Record<string, unknown> = payload;
    if (isSignedStep(step)) {
      // Nothing is signed for a decision the journey would refuse anyway.
      const evaluation = evaluateStep(await this.journeys.stage(donorCode), step);
      if (!evaluation.allowed) throw new DomainError(evaluation.reasonCode, evaluation.message);
      // The password is checked and dropped here; the decision carries the signature record.
      const { signature: credentials, ...detail } = payload as { signature: { password: string } };
      const signature = await this.signatures.sign({
        user: request.user,
        password: credentials.password,
        step,
        donorCode,
        eventId,
        detail,
        path: request.path,
      });
      command = { ...detail, signature };
    }
    return this.journeys.step(step, donorCode, command, actorOf(request.user), eventId);
  }
}
