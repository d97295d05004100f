import { Module } from '@nestjs/common';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { DonorMaterialTestsController } from './donor-material-tests.controller';
import { DonorMaterialTestsService } from './donor-material-tests.service';

/** The donor material's tests and QA's signed impact assessment (QA-02.5), kept by donor-intake. */
@Module({
  imports: [SharedModule, JourneysModule, SignaturesModule],
  controllers: [DonorMaterialTestsController],
  providers: [DonorMaterialTestsService],
})
export class DonorMaterialTestsModule {}
