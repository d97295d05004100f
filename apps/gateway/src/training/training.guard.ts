import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { GmpOperation } from '@v2v/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { OPERATION_KEY } from './performs-operation.decorator';
import { TrainingMatrixService } from './training-matrix.service';

/**
 * PER-01 / OTH-02 on every GMP operation, journey steps and record operations alike (lot
 * receipt and release, consumption, deviation closure, specification publishing, institution
 * and shipper decisions), as each endpoint declares it with `@PerformsOperation`: after
 * authentication and tenancy, before the body is read or anything is signed; the refusal is
 * kept.
 */
@Injectable()
export class TrainingGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly training: TrainingMatrixService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const operation = this.reflector.get<GmpOperation | undefined>(
      OPERATION_KEY,
      context.getHandler(),
    );
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    if (!operation || !request.user) return true;
    await this.training.assertTrained(request.user, operation, {
      method: request.method,
      path: request.originalUrl,
    });
    return true;
  }
}
