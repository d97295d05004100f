import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { GatewayConfig } from '../config/gateway-config';
import { SharedModule } from '../shared/shared.module';
import { AccountsModule } from './accounts.module';
import { AuthController } from './auth.controller';
import { ChangeOwnPasswordUseCase } from './usecases/change-own-password.usecase';
import { LogInUseCase } from './usecases/log-in.usecase';

/**
 * Login, sessions (HS256 JWTs from the gateway's configuration) and the user's own password.
 * Exports what the global AuthGuard needs (gateway.module.ts).
 */
@Module({
  imports: [
    SharedModule,
    AccountsModule,
    JwtModule.registerAsync({
      inject: [GatewayConfig],
      useFactory: ({ jwt }: GatewayConfig) => ({
        secret: jwt.secret,
        signOptions: { expiresIn: jwt.ttl as never, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [LogInUseCase, ChangeOwnPasswordUseCase],
  exports: [JwtModule, AccountsModule],
})
export class AuthModule {}
