import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { ReleaseSamplesClient } from './release-samples.client';
import { SamplesController } from './samples.controller';
import { SamplesService } from './samples.service';

/** The sample register and retention exceptions (QA-01), kept by the release service. */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [SamplesController],
  providers: [SamplesService, ReleaseSamplesClient],
})
export class SamplesModule {}
