import { Injectable } from '@nestjs/common';
import {
  DomainError,
  SHIPPER_CARRIES,
  ShipperCarries,
  ShipperQualification,
  ShipperQualificationDecision,
  shipperQualificationStatus,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { GmpServicesClient } from '../internal/gmp-services.client';
import { Clock } from '@v2v/service-kit';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/**
 * Donor material ships from the hospital (donor-intake's register), product from the factory
 * (release's).
 */
const OWNER = { 'donor-material': 'donorIntake', product: 'release' } as const;
const RECORD_TYPE = 'shipper-qualification';

/** Who decides, on which request, under which Idempotency-Key scope. */
interface Decider {
  password: string;
  user: AuthenticatedUser;
  idempotency?: IdempotencyScope;
  path: string;
}

/**
 * MAT-03, CSV-02, PER-03: QA's signed qualification, requalification and withdrawal of
 * shipper/lane configurations, each recorded by the service that ships what it carries.
 */
@Injectable()
export class QualifiedShippersService {
  constructor(
    private readonly services: GmpServicesClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
    private readonly clock: Clock,
  ) {}

  /** Both registers, each configuration with its status today. */
  async list() {
    const registers = await Promise.all(SHIPPER_CARRIES.map((carries) => this.register(carries)));
    return registers.flat().map((c) => this.withStatus(c));
  }

  async qualify(input: Decider & { qualification: ShipperQualificationDecision }) {
    const eventId = this.eventIds.of(input.idempotency);
    const recorded = await this.signatures.decide({
      user: input.user,
      password: input.password,
      path: input.path,
      content: {
        meaning: 'qualified',
        recordType: RECORD_TYPE,
        recordId: `${input.qualification.carries}/${input.qualification.shipperId}`,
        detail: { ...input.qualification },
      },
      record: (signature) =>
        this.services.qualifyShipper(OWNER[input.qualification.carries], {
          qualification: input.qualification,
          eventId,
          decidedBy: actorOf(input.user),
          signature,
        }),
    });
    return this.withStatus(recorded);
  }

  async withdraw(input: Decider & { carries: string; shipperId: string; reason: string }) {
    if (!(SHIPPER_CARRIES as readonly string[]).includes(input.carries)) {
      const message = `carries must be one of ${SHIPPER_CARRIES.join(', ')}, not '${input.carries}'`;
      throw new DomainError('VALIDATION_FAILED', message, {
        fieldErrors: [{ path: 'carries', message }],
      });
    }
    const carries = input.carries as ShipperCarries;
    const eventId = this.eventIds.of(input.idempotency);
    const recorded = await this.signatures.decide({
      user: input.user,
      password: input.password,
      path: input.path,
      content: {
        meaning: 'withdrawn',
        recordType: RECORD_TYPE,
        recordId: `${input.carries}/${input.shipperId}`,
        detail: { shipperId: input.shipperId, reason: input.reason },
      },
      // Nothing is signed for a configuration the register does not hold or already withdrew.
      precheck: () =>
        this.services.checkShipperWithdrawal(OWNER[carries], input.shipperId, {
          reason: input.reason,
          eventId,
        }),
      record: (signature) =>
        this.services.withdrawShipper(OWNER[carries], input.shipperId, {
          reason: input.reason,
          eventId,
          decidedBy: actorOf(input.user),
          signature,
        }),
    });
    return this.withStatus(recorded);
  }

  /** Users see whether a configuration may be used today rather than the stored flag. */
  private withStatus(c: ShipperQualification) {
    return { ...c, status: shipperQualificationStatus(c, this.clock.today()) };
  }

  private register(carries: ShipperCarries) {
    return this.services.qualifiedShippers(OWNER[carries]);
  }
}
