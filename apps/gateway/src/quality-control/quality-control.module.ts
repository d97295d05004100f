import { Module } from '@nestjs/common';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { QualityControlController } from './quality-control.controller';
import { QualityControlService } from './quality-control.service';
import { ReleaseQualityControlClient } from './release-quality-control.client';

/** QC results judged by the system and OOS investigations (QA-02.1), kept by release. */
@Module({
  imports: [SharedModule, JourneysModule, SignaturesModule],
  controllers: [QualityControlController],
  providers: [QualityControlService, ReleaseQualityControlClient],
})
export class QualityControlModule {}
