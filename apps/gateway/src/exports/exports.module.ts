import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { ExportsController } from './exports.controller';
import { JourneyRecordService } from './journey-record.service';

/** Inspector exports (CSV, PDF) of one journey or of the journeys started in a date range. */
@Module({
  imports: [SharedModule, AuditModule, SignaturesModule, JourneysModule],
  controllers: [ExportsController],
  providers: [JourneyRecordService],
})
export class ExportsModule {}
