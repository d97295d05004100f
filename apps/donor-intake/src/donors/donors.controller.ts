import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  DomainError,
  RegisterDonorCommand,
  registerDonorCommandSchema,
  requireDonorCode,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { DonorRepository } from './donor.repository';
import { DeleteDonorUseCase } from './usecases/delete-donor.usecase';
import { RegisterDonorUseCase } from './usecases/register-donor.usecase';

/** Internal API used by the gateway; not exposed publicly. */
@Controller('internal/donors')
export class DonorsController {
  constructor(
    private readonly registerDonor: RegisterDonorUseCase,
    private readonly donors: DonorRepository,
    private readonly deleteDonor: DeleteDonorUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  register(@Body(new ZodBodyPipe(registerDonorCommandSchema)) command: RegisterDonorCommand) {
    return this.registerDonor.execute(command);
  }

  @Get(':donorCode')
  async get(@Param('donorCode') raw: string) {
    const donorCode = requireDonorCode(raw);
    const donor = await this.donors.findByCode(donorCode);
    if (!donor) throw new DomainError('NOT_FOUND', `no donor with code ${donorCode}`);
    return donor;
  }

  @Delete(':donorCode')
  @HttpCode(204)
  delete(@Param('donorCode') raw: string) {
    return this.deleteDonor.execute(requireDonorCode(raw));
  }
}
