import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertShipperQualificationDecision, DomainError, SHIPPER_CARRIES, ShipperCarries, ShipperQualificationDecision } from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { InternalServiceClient } from '../internal/internal-service.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/** Donor material ships from the hospital (donor-intake's register), product from the factory (release's). */
const OWNER = { 'donor-material': 'donorIntake', product: 'release' } as const;
const RECORD_TYPE = 'shipper-qualification';

interface Configuration {
  shipperId: string;
  carries: ShipperCarries;
  qualifiedUntil: string;
  status: 'qualified' | 'withdrawn';
}

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

  /** Both registers, each configuration with whether it may be used today. */
  async list(today = new Date().toISOString().slice(0, 10)) {
    const registers = await Promise.all(
      SHIPPER_CARRIES.map((carries) => this.services.request<Configuration[]>(OWNER[carries], 'GET', '/internal/qualified-shippers')),
    );
    return registers.flat().map((c) => ({ ...c, usable: c.status === 'qualified' && c.qualifiedUntil >= today ? 'current' : c.status === 'withdrawn' ? 'withdrawn' : 'lapsed' }));
  }

  async qualify(input: { qualification: ShipperQualificationDecision; password: string; user: AuthenticatedUser; key?: string; path: string }) {
    // Refused before anything is signed; the owning service checks again when it records.
    assertShipperQualificationDecision(input.qualification, new Date().toISOString().slice(0, 10));
    const eventId = input.key ?? randomUUID();
    const signature = await this.signatures.signRecord({
      user: input.user,
      password: input.password,
      meaning: 'qualified',
      recordType: RECORD_TYPE,
      recordId: `${input.qualification.carries}/${input.qualification.shipperId}`,
      eventId,
      detail: { ...input.qualification },
      path: input.path,
    });
    return this.services.request(OWNER[input.qualification.carries], 'POST', '/internal/qualified-shippers', {
      qualification: input.qualification,
      eventId,
      decidedBy: actorOf(input.user),
      signature,
    });
  }

  async withdraw(input: { carries: string; shipperId: string; reason: string; password: string; user: AuthenticatedUser; key?: string; path: string }) {
    if (!(SHIPPER_CARRIES as readonly string[]).includes(input.carries)) {
      throw new DomainError('VALIDATION_FAILED', `carries must be one of ${SHIPPER_CARRIES.join(', ')}, not '${input.carries}'`);
    }
    const owner = OWNER[input.carries as ShipperCarries];
    const known = (await this.services.request<Configuration[]>(owner, 'GET', '/internal/qualified-shippers')).find((c) => c.shipperId === input.shipperId);
    if (!known) throw new DomainError('NOT_FOUND', `no ${input.carries} shipper configuration ${input.shipperId}`);
    const eventId = input.key ?? randomUUID();
    const signature = await this.signatures.signRecord({
      user: input.user,
      password: input.password,
      meaning: 'withdrawn',
      recordType: RECORD_TYPE,
      recordId: `${input.carries}/${input.shipperId}`,
      eventId,
      detail: { shipperId: input.shipperId, reason: input.reason },
      path: input.path,
    });
    return this.services.request(owner, 'POST', `/internal/qualified-shippers/${encodeURIComponent(input.shipperId)}/withdraw`, {
      reason: input.reason,
      eventId,
      decidedBy: actorOf(input.user),
      signature,
    });
  }
}
