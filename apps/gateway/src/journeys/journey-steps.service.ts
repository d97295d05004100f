import { Injectable } from '@nestjs/common';
import { JourneyStep, requireDonorCode, STEP_PAYLOAD_SCHEMAS } from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
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
 * the body (400), the user's training for the step (PER-01 / OTH-02), then the journey.
 */
@Injectable()
export class JourneyStepsService {
  constructor(
    private readonly journeys: JourneyCommandsService,
    private readonly training: TrainingMatrixService,
  ) {}

  async take(step: JourneyStep, request: StepRequest) {
    const donorCode = requireDonorCode(request.code);
    const payload = STEP_PAYLOAD_SCHEMAS[step].parse(request.body);
    await this.training.assertTrained(request.user, step, { method: 'POST', path: request.path });
    return this.journeys.step(step, donorCode, payload, actorOf(request.user), request.key);
  }
}
