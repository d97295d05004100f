import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROLE, DomainError } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { z } from 'zod';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { accountView, UserRepository } from '../auth/user.repository';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { TrainingRepository } from '../training/training.repository';
import { ChangeUserRoleUseCase } from './usecases/change-user-role.usecase';
import { CreateUserUseCase } from './usecases/create-user.usecase';
import { RecordTrainingUseCase } from './usecases/record-training.usecase';
import { ResetUserPasswordUseCase } from './usecases/reset-user-password.usecase';
import { SetAccountStatusUseCase } from './usecases/set-account-status.usecase';
import { WithdrawTrainingUseCase } from './usecases/withdraw-training.usecase';
import {
  accountStatusBody,
  changeRoleBody,
  createUserBody,
  recordTrainingBody,
  resetPasswordBody,
  withdrawTrainingBody,
} from './user-administration.schemas';

/**
 * User administration (CSV-03, PER-01): accounts, roles, institutions of hospital users and
 * training records, for the `admin` role only, which takes no GMP step. Every change is in
 * the gateway's audit trail with the administrator as actor (CSV-01).
 */
@ApiTags('user administration')
@Controller('api/admin/users')
export class UserAdministrationController {
  constructor(
    private readonly users: UserRepository,
    private readonly training: TrainingRepository,
    private readonly create: CreateUserUseCase,
    private readonly changeRole: ChangeUserRoleUseCase,
    private readonly setStatus: SetAccountStatusUseCase,
    private readonly resetPassword: ResetUserPasswordUseCase,
    private readonly recordTraining: RecordTrainingUseCase,
    private readonly withdrawTraining: WithdrawTrainingUseCase,
  ) {}

  @Get()
  @Roles(ADMIN_ROLE)
  @ApiOperation({ summary: 'Every account: role, institution, status. Roles: admin.' })
  async list() {
    return (await this.users.list()).map(accountView);
  }

  @Post()
  @Roles(ADMIN_ROLE)
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Create an account with a temporary password (policy checked), to be changed at its first login; a hospital account names its institution. Roles: admin.',
  })
  @ApiBody({ schema: openApiSchema(createUserBody) })
  createUser(
    @CurrentUser() admin: AuthenticatedUser,
    @Body(new ZodBodyPipe(createUserBody)) body: z.infer<typeof createUserBody>,
  ) {
    return this.create.execute(admin, body);
  }

  @Get(':username')
  @Roles(ADMIN_ROLE)
  @ApiOperation({
    summary: 'One account with all its training records, withdrawn ones included. Roles: admin.',
  })
  async detail(@Param('username') username: string) {
    const account = await this.users.findByUsername(username);
    if (!account) throw new DomainError('NOT_FOUND', `no account ${username}`);
    return { ...accountView(account), trainingRecords: await this.training.historyOf(username) };
  }

  @Post(':username/role')
  @Roles(ADMIN_ROLE)
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Change an account's role and institution, with the reason; its sessions end. Roles: admin.",
  })
  @ApiBody({ schema: openApiSchema(changeRoleBody) })
  role(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('username') username: string,
    @Body(new ZodBodyPipe(changeRoleBody)) body: z.infer<typeof changeRoleBody>,
  ) {
    return this.changeRole.execute(admin, username, body);
  }

  @Post(':username/disable')
  @Roles(ADMIN_ROLE)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable an account, with the reason: no login, its sessions end. Roles: admin.',
  })
  @ApiBody({ schema: openApiSchema(accountStatusBody) })
  disable(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('username') username: string,
    @Body(new ZodBodyPipe(accountStatusBody)) body: z.infer<typeof accountStatusBody>,
  ) {
    return this.setStatus.execute(admin, username, { status: 'disabled', reason: body.reason });
  }

  @Post(':username/enable')
  @Roles(ADMIN_ROLE)
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again, with the reason. Roles: admin.' })
  @ApiBody({ schema: openApiSchema(accountStatusBody) })
  enable(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('username') username: string,
    @Body(new ZodBodyPipe(accountStatusBody)) body: z.infer<typeof accountStatusBody>,
  ) {
    return this.setStatus.execute(admin, username, { status: 'active', reason: body.reason });
  }

  @Post(':username/password-reset')
  @Roles(ADMIN_ROLE)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Give a temporary password (policy checked) to be changed at the next login; its sessions end. Roles: admin.',
  })
  @ApiBody({ schema: openApiSchema(resetPasswordBody) })
  password(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('username') username: string,
    @Body(new ZodBodyPipe(resetPasswordBody)) body: z.infer<typeof resetPasswordBody>,
  ) {
    return this.resetPassword.execute(admin, username, body);
  }

  @Post(':username/training-records')
  @Roles(ADMIN_ROLE)
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Record a training record and authorization for one journey step of the user's role, valid from–until (PER-01, OTH-02). Roles: admin.",
  })
  @ApiBody({ schema: openApiSchema(recordTrainingBody) })
  train(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('username') username: string,
    @Body(new ZodBodyPipe(recordTrainingBody)) body: z.infer<typeof recordTrainingBody>,
  ) {
    return this.recordTraining.execute(admin, username, body);
  }

  @Post(':username/training-records/:trainingRecordId/withdraw')
  @Roles(ADMIN_ROLE)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Withdraw a training record, with the reason: it no longer authorizes its step (PER-01). Roles: admin.',
  })
  @ApiBody({ schema: openApiSchema(withdrawTrainingBody) })
  withdraw(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('username') username: string,
    @Param('trainingRecordId') trainingRecordId: string,
    @Body(new ZodBodyPipe(withdrawTrainingBody)) body: z.infer<typeof withdrawTrainingBody>,
  ) {
    return this.withdrawTraining.execute(admin, username, trainingRecordId, body.reason);
  }
}
