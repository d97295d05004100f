import { Module } from '@nestjs/common';
import { JourneysModule } from '../journeys/journeys.module';
import { OrdersModule } from '../orders/orders.module';
import { SharedModule } from '../shared/shared.module';
import { FhirController } from './fhir.controller';
import { FhirOrdersController } from './fhir-orders.controller';
import { FhirOrdersService } from './fhir-orders.service';
import { FhirOutcomeFilter } from './fhir-outcome.filter';
import { FhirService } from './fhir.service';

/** FHIR R4 reads for the hospitals' EHRs, and their orders as ServiceRequest (TRC-04). */
@Module({
  imports: [SharedModule, JourneysModule, OrdersModule],
  controllers: [FhirController, FhirOrdersController],
  providers: [FhirService, FhirOrdersService, FhirOutcomeFilter],
})
export class FhirModule {}
