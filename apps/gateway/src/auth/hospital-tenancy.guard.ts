import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Request } from 'express';
import {
  DomainError,
  isValidDonorCode,
  journeyViewQuery,
  journeyWorkflowId,
  requireDonorCode,
} from '@v2v/contracts';
import { getTemporalClient } from '@v2v/temporal';
import { AccessRefusalLog } from './access-refusal.log';
import type { AuthenticatedUser } from './authenticated-user';

/**
 * CSV-03 hospital tenancy: a hospital user reaches only its own institution and its journeys.
 * A request for another institution or its journey is answered exactly as an unknown one (404),
 * and the refusal is logged. Runs after AuthGuard, on every route with a donor code or an
 * institution id.
 */
@Injectable()
export class HospitalTenancyGuard implements CanActivate {
  constructor(private readonly refusals: AccessRefusalLog) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const user = request.user;
    if (!user || user.role !== 'hospital') return true;
    const institutionParam: unknown = request.params?.institutionId;
    if (typeof institutionParam === 'string' && institutionParam !== user.institutionId) {
      await this.refuse(
        request,
        user,
        `institution ${institutionParam} is not the user's ${user.institutionId ?? 'no institution'}`,
      );
      throw new DomainError('NOT_FOUND', `no institution ${institutionParam}`);
    }
    const raw: unknown = request.params?.donorCode;
    if (typeof raw !== 'string' || !isValidDonorCode(raw)) return true;
    const donorCode = requireDonorCode(raw);
    let institutionId: string;
    try {
      const handle = (await getTemporalClient()).workflow.getHandle(journeyWorkflowId(donorCode));
      institutionId = (await handle.query(journeyViewQuery)).institutionId;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return true; // the route answers 404 itself
      throw error;
    }
    if (institutionId === user.institutionId) return true;
    await this.refuse(
      request,
      user,
      `journey belongs to ${institutionId}, user to ${user.institutionId ?? 'no institution'}`,
    );
    throw new DomainError('NOT_FOUND', `no journey for donor code ${donorCode}`);
  }

  private async refuse(request: Request, user: AuthenticatedUser, reason: string): Promise<void> {
    await this.refusals.record({
      username: user.username,
      role: user.role,
      method: request.method,
      path: request.originalUrl,
      status: 404,
      reason,
    });
  }
}
