import {
  Body,
  Controller,
  HttpCode,
  HttpException,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ROLES } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { z } from 'zod';
import { AuthenticatedUser, CurrentUser } from './authenticated-user';
import { PasswordChangeRoute, Public, Roles } from './roles.decorator';
import { ChangeOwnPasswordUseCase } from './usecases/change-own-password.usecase';
import { LogInUseCase } from './usecases/log-in.usecase';

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

/** 429 with Retry-After: the client may try again once the lockout has run out. */
function tooManyAttempts(response: Response, retryAfterSeconds: number): HttpException {
  response.setHeader('Retry-After', String(retryAfterSeconds));
  return new HttpException(
    {
      code: 'TOO_MANY_ATTEMPTS',
      message: 'too many failed password entries; try again later',
      retryAfterSeconds,
    },
    429,
  );
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly logIn: LogInUseCase,
    private readonly changePassword: ChangeOwnPasswordUseCase,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange username and password for a short-lived bearer token. Public. Repeated failures lock the username and the source address for 15 minutes (429 with Retry-After). An account that must change its password gets a token for POST /api/auth/password only.',
  })
  @ApiBody({ schema: openApiSchema(loginSchema) })
  async login(
    @Body(new ZodBodyPipe(loginSchema)) body: z.infer<typeof loginSchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.logIn.execute({
      ...body,
      source: request.ip ?? request.socket.remoteAddress ?? 'unknown',
    });
    if (result.outcome === 'locked') throw tooManyAttempts(response, result.retryAfterSeconds);
    if (result.outcome === 'invalid')
      throw new UnauthorizedException({
        code: 'INVALID_CREDENTIALS',
        message: 'unknown user or wrong password',
      });
    return {
      accessToken: result.accessToken,
      tokenType: 'Bearer',
      expiresIn: result.expiresIn,
      mustChangePassword: result.mustChangePassword,
    };
  }

  @Post('password')
  @Roles(...ROLES)
  @PasswordChangeRoute()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Change your own password: the current one re-entered, the new one checked by the password policy (at least 12 characters, not the username, not a well-known default). Ends every session issued before; log in again. Roles: every role.',
  })
  @ApiBody({ schema: openApiSchema(passwordChangeSchema) })
  async password(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodBodyPipe(passwordChangeSchema)) body: z.infer<typeof passwordChangeSchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const result = await this.changePassword.execute({ user, ...body });
    if (result.outcome === 'locked') throw tooManyAttempts(response, result.retryAfterSeconds);
  }
}
