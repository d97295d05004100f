import { Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { SharedModule } from '../shared/shared.module';
import { TrainingModule } from '../training/training.module';
import { InstitutionRegisterCheck } from './institution-register.check';
import { ChangeUserRoleUseCase } from './usecases/change-user-role.usecase';
import { CreateUserUseCase } from './usecases/create-user.usecase';
import { RecordTrainingUseCase } from './usecases/record-training.usecase';
import { ResetUserPasswordUseCase } from './usecases/reset-user-password.usecase';
import { SetAccountStatusUseCase } from './usecases/set-account-status.usecase';
import { WithdrawTrainingUseCase } from './usecases/withdraw-training.usecase';
import { UserAdministrationController } from './user-administration.controller';

/** The admin's user administration (CSV-03, PER-01): accounts, roles and training records. */
@Module({
  imports: [SharedModule, AccountsModule, TrainingModule],
  controllers: [UserAdministrationController],
  providers: [
    InstitutionRegisterCheck,
    CreateUserUseCase,
    ChangeUserRoleUseCase,
    SetAccountStatusUseCase,
    ResetUserPasswordUseCase,
    RecordTrainingUseCase,
    WithdrawTrainingUseCase,
  ],
})
export class UserAdministrationModule {}
