import { Injectable } from '@nestjs/common';
import type { DeviationClosure } from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { ProductionClient } from '../internal/production.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/**
 * DON-06.4, CSV-02: a journey's deviations and QA's signed closure of each, recorded by the
 * service that raised it: donor-intake for the donor material's, production for those of an
 * environmental monitoring excursion (PRD-05). The signed content is the same for both.
 */
@Injectable()
export class DeviationClosureService {
  constructor(
    private readonly donorIntake: DonorIntakeClient,
    private readonly production: ProductionClient,
    private readonly signatures: ElectronicSignatureService,
  ) {}

  /** Both services' deviations of the journey, in the order they were raised. */
  async deviations(donorCode: string) {
    const [material, environmental] = await Promise.all([
      this.donorIntake.deviations(donorCode) as Promise<Array<{ raisedAt: string }>>,
      this.production.emDeviations(donorCode),
    ]);
    return [...material, ...environmental].sort(
      (a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt),
    );
  }

  /** `donorCode` is canonical. */
  async close(input: {
    donorCode: string;
    deviationId: string;
    closure: DeviationClosure;
    password: string;
    user: AuthenticatedUser;
    path: string;
  }) {
    const { donorCode, deviationId, closure, user } = input;
    const environmental = (await this.production.emDeviations(donorCode)).some(
      (d) => d.deviationId === deviationId,
    );
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
      record: (signature) => {
        const command = { donorCode, ...closure, closedBy: actorOf(user), signature };
        return environmental
          ? this.production.closeEmDeviation(deviationId, command)
          : this.donorIntake.closeDeviation(deviationId, command);
      },
    });
  }
}
