import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { compare } from 'bcryptjs';
import { z } from 'zod';
import { ZodBodyPipe } from '@v2v/service-kit';
import { authConfig } from './auth-config';
import { AccessRefusalLog } from './access-refusal.log';
import { AuthenticatedUser } from './authenticated-user';
import { Public } from './roles.decorator';
import { UserRepository } from './user.repository';

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
    private readonly refusals: AccessRefusalLog,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange username and password for a short-lived bearer token. Public.',
  })
  async login(@Body(new ZodBodyPipe(loginSchema)) body: z.infer<typeof loginSchema>) {
    const user = await this.users.findByUsername(body.username);
    if (!user || !(await compare(body.password, user.passwordHash))) {
      await this.refusals.record({
        username: body.username,
        method: 'POST',
        path: '/api/auth/login',
        status: 401,
        reason: 'invalid credentials',
      });
      throw new UnauthorizedException({
        code: 'INVALID_CREDENTIALS',
        message: 'unknown user or wrong password',
      });
    }
    const claims: AuthenticatedUser = {
      userId: user.id,
      username: user.username,
      role: user.role,
      institutionId: user.institutionId,
    };
    const { ttl } = authConfig();
    return { accessToken: await this.jwt.signAsync(claims), tokenType: 'Bearer', expiresIn: ttl };
  }
}
