import { randomUUID } from 'node:crypto';
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
import { InternalServiceClient } from '../internal/internal-service.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/** Donor material ships from the hospital (donor-intake's register), product from the factory (release's). */
const OWNER = { 'donor-material': 'donorIntake', product: 'release' } as const;
const RECORD_TYPE = 'shipper-qualification';

const today = () => new Date().toISOString().slice(0, 10);

/** Users see whether a configuration may be used today rather than the stored flag. */
const withStatus = (c: ShipperQualification) => ({
  ...c,
  status: shipperQualificationStatus(c, today()),
});

/**
 * MAT-03, CSV-02, PER-03: QA's signed qualification, requalification and withdrawal of
 * shipper/lane configurations, each recorded by the service that ships what it carries.
 */
@Injectable()
export class QualifiedShippersService {
  constructor(
    private readonly services: InternalServiceClient,
    private readonly signatures: ElectronicSignatureService,
  ) {}

  /** Both registers, each configuration with its status today. */
  async list() {
    const registers = await Promise.all(SHIPPER_CARRIES.map((carries) => this.register(carries)));
    return registers.flat().map(withStatus);
  }

  async qualify(input: {
    qualification: ShipperQualificationDecision;
    password: string;
    user: AuthenticatedUser;
    key?: string;
    path: string;
  }) {
    const eventId = input.key ?? randomUUID();
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
        this.services.request<ShipperQualification>(
          OWNER[input.qualification.carries],
          'POST',
          '/internal/qualified-shippers',
          {
            qualification: input.qualification,
            eventId,
            decidedBy: actorOf(input.user),
            signature,
          },
        ),
    });
    return withStatus(recorded);
  }

  async withdraw(input: {
    carries: string;
    shipperId: string;
    reason: string;
    password: string;
    user: AuthenticatedUser;
    key?: string;
    path: string;
  }) {
    if (!(SHIPPER_CARRIES as readonly string[]).includes(input.carries)) {
      const message = `carries must be one of ${SHIPPER_CARRIES.join(', ')}, not '${input.carries}'`;
      throw new DomainError('VALIDATION_FAILED', message, {
        fieldErrors: [{ path: 'carries', message }],
      });
    }
    const carries = input.carries as ShipperCarries;
    // Nothing is signed for a configuration the register does not hold or already withdrew.
    const known = (await this.register(carries)).find((c) => c.shipperId === input.shipperId);
    if (!known)
      throw new DomainError('NOT_FOUND', `no ${carries} shipper configuration ${input.shipperId}`);
    if (known.status === 'withdrawn')
      throw new DomainError(
        'MAT-03',
        `shipper ${input.shipperId}'s qualification is already withdrawn (MAT-03)`,
      );
    const eventId = input.key ?? randomUUID();
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
      record: (signature) =>
        this.services.request<ShipperQualification>(
          OWNER[carries],
          'POST',
          `/internal/qualified-shippers/${encodeURIComponent(input.shipperId)}/withdraw`,
          { reason: input.reason, eventId, decidedBy: actorOf(input.user), signature },
        ),
    });
    return withStatus(recorded);
  }

  private register(carries: ShipperCarries) {
    return this.services.request<ShipperQualification[]>(
      OWNER[carries],
      'GET',
      '/internal/qualified-shippers',
    );
  }
}
