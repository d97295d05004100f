import { Module } from '@nestjs/common';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { FhirController } from './fhir.controller';
import { FhirOutcomeFilter } from './fhir-outcome.filter';
import { FhirService } from './fhir.service';

/** FHIR R4 reads for the hospitals' EHRs (TRC-04). */
@Module({
  imports: [SharedModule, JourneysModule],
  controllers: [FhirController],
  providers: [FhirService, FhirOutcomeFilter],
})
export class FhirModule {}
