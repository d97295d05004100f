import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { donorCodeOfPathSegment, requireDonorCode } from '@v2v/contracts';
import { ConcealedRefusal } from '../refusals/concealed-refusal';
import { DonorRegisterClient } from './donor-register.client';
import { institutionAccessRefusal, journeyAccessRefusal, noJourneyMessage } from './tenancy-rules';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/**
 * CSV-03 tenancy, decided from the donor register (never from whether a workflow exists).
 * Runs after AuthGuard on every route. A route with a donor code is open only for a code on
 * the register, and for a hospital user only for its own institution's; a route with an
 * institution id is open to a hospital user only for its own. Every other request is answered
 * 404 with one body, whatever the reason, so another institution's code reads exactly as an
 * unknown one; the refusal filter records the reason. When the register cannot answer the
 * request is refused (503), never let through.
 */
@Injectable()
export class HospitalTenancyGuard implements CanActivate {
  constructor(private readonly register: DonorRegisterClient) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const user = request.user;
    if (!user) return true; // a public endpoint: AuthGuard refused every other one
    const institutionId: unknown = request.params?.institutionId;
    if (typeof institutionId === 'string') {
      const refusal = institutionAccessRefusal(user, institutionId);
      if (refusal)
        throw new ConcealedRefusal('NOT_FOUND', `no institution ${institutionId}`, refusal);
    }
    const raw: unknown = request.params?.donorCode;
    if (typeof raw !== 'string') return true;
    const donorCode = requireDonorCode(donorCodeOfPathSegment(raw));
    const refusal = journeyAccessRefusal(user, await this.register.institutionOf(donorCode));
    if (refusal) throw new ConcealedRefusal('NOT_FOUND', noJourneyMessage(donorCode), refusal);
    return true;
  }
}
