import { Injectable } from '@nestjs/common';
import type { DeviationClosure } from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/** DON-06.4, CSV-02: QA's signed closure of a deviation, recorded by donor-intake. */
@Injectable()
export class DeviationClosureService {
  constructor(
    private readonly donorIntake: DonorIntakeClient,
    private readonly signatures: ElectronicSignatureService,
  ) {}

  /** `donorCode` is canonical. */
  close(input: {
    donorCode: string;
    deviationId: string;
    closure: DeviationClosure;
    password: string;
    user: AuthenticatedUser;
    path: string;
  }) {
    const { donorCode, deviationId, closure, user } = input;
    return this.signatures.decide({
      user,
      password: input.password,
      path: input.path,
      content: {
        meaning: 'closed',
        recordType: 'deviation-closure',
        recordId: deviationId,
        donorCode,
        detail: { donorCode, ...closure },
      },
      record: (signature) =>
        this.donorIntake.closeDeviation(deviationId, {
          donorCode,
          ...closure,
          closedBy: actorOf(user),
          signature,
        }),
    });
  }
}
