import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { recordOperationOf } from './record-operation-routes';
import { TrainingMatrixService } from './training-matrix.service';

/**
 * PER-01 on every GMP operation that is not a journey step (lot receipt and release,
 * consumption, deviation closure, specification publishing, institution and shipper
 * decisions): runs after authentication and tenancy, before the body is read or anything is
 * signed, and keeps the refusal.
 */
@Injectable()
export class TrainingGuard implements CanActivate {
  constructor(private readonly training: TrainingMatrixService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const operation = recordOperationOf(request.method, (request.route as { path?: string })?.path);
    if (!operation || !request.user) return true;
    await this.training.assertTrained(request.user, operation, {
      method: request.method,
      path: request.originalUrl,
    });
    return true;
  }
}
