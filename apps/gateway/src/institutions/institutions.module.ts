import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { InstitutionQualificationService } from './institution-qualification.service';
import { InstitutionsController } from './institutions.controller';

/** The institution register and QA's signed qualification decisions (DON-02). */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [InstitutionsController],
  providers: [InstitutionQualificationService],
})
export class InstitutionsModule {}
