import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { DonorRegisterClient } from './donor-register.client';

/** CSV-03 tenancy from the donor register: what the global HospitalTenancyGuard asks. */
@Module({
  imports: [SharedModule],
  providers: [DonorRegisterClient],
  exports: [DonorRegisterClient],
})
export class TenancyModule {}
