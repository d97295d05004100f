import { Module } from '@nestjs/common';
import { RecallsClient } from '../internal/recalls.client';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { RecallsController } from './recalls.controller';
import { RecallsService } from './recalls.service';

/** Recalls (QA-04, TRC-01): QA's signed recall, each unit's disposition, the report. */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [RecallsController],
  providers: [RecallsClient, RecallsService],
})
export class RecallsModule {}
