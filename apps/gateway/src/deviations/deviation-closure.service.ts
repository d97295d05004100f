import { Injectable } from '@nestjs/common';
import {
  type CloseDeviationCommand,
  type CloseProductEmergencyCommand,
  type DeviationClosure,
  DomainError,
  type EmergencyDecision,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { ProductionClient } from '../internal/production.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';
import { ReleaseEmergencyClient } from './release-emergency.client';

/**
 * DON-06.4, CSV-02: a journey's deviations and QA's signed closure of each, recorded by the
 * service that raised it: donor-intake for the donor material's, production for those of an
 * environmental monitoring excursion (PRD-05), release for an emergency on the product (QA-04).
 * The signed content is the same for each, and so is the event id each service keeps with the
 * closure: a retry whose answer was lost is answered with the first closure (CSV-01).
 */
@Injectable()
export class DeviationClosureService {
  constructor(
    private readonly donorIntake: DonorIntakeClient,
    private readonly production: ProductionClient,
    private readonly release: ReleaseEmergencyClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  /** Every service's deviations of the journey, in the order they were raised. */
  async deviations(donorCode: string) {
    const [material, environmental, emergencies] = await Promise.all([
      this.donorIntake.deviations(donorCode) as Promise<Array<{ raisedAt: string }>>,
      this.production.emDeviations(donorCode),
      this.release.emergencies(donorCode),
    ]);
    return [...material, ...environmental, ...emergencies].sort(
      (a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt),
    );
  }

  /**
   * Which service raised the deviation; donor-intake answers for any other id (404). Only an
   * emergency on the product takes QA's decision on the product (QA-04).
   */
  private async closedBy(donorCode: string, deviationId: string, decided: boolean) {
    const [environmental, emergencies] = await Promise.all([
      this.production.emDeviations(donorCode),
      this.release.emergencies(donorCode),
    ]);
    const raised = (list: Array<{ deviationId: string }>) =>
      list.some((d) => d.deviationId === deviationId);
    if (raised(emergencies))
      return (c: CloseProductEmergencyCommand) => this.release.close(deviationId, c);
    if (decided)
      throw new DomainError(
        'VALIDATION_FAILED',
        `deviation ${deviationId} is not an emergency on the product: it takes no decision on it (QA-04)`,
        { fieldErrors: [{ path: 'emergency', message: 'only for an emergency on the product' }] },
      );
    if (raised(environmental))
      return (c: CloseDeviationCommand) => this.production.closeEmDeviation(deviationId, c);
    return (c: CloseDeviationCommand) => this.donorIntake.closeDeviation(deviationId, c);
  }

  /** `donorCode` is canonical. */
  async close(input: {
    donorCode: string;
    deviationId: string;
    closure: DeviationClosure & { emergency?: EmergencyDecision };
    password: string;
    user: AuthenticatedUser;
    idempotency?: IdempotencyScope;
    path: string;
  }) {
    const { donorCode, deviationId, closure, user } = input;
    const recordClosure = await this.closedBy(donorCode, deviationId, !!closure.emergency);
    const eventId = this.eventIds.of(input.idempotency);
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
        recordClosure({ donorCode, ...closure, eventId, closedBy: actorOf(user), signature }),
    });
  }
}
