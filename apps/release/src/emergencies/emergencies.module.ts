import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { EmergenciesController } from './emergencies.controller';
import { ProductEmergencyRepository } from './product-emergency.repository';
import { CloseProductEmergencyUseCase } from './usecases/close-product-emergency.usecase';
import { RaiseBedsideMismatchUseCase } from './usecases/raise-bedside-mismatch.usecase';
import { ReportSiteEmergencyUseCase } from './usecases/report-site-emergency.usecase';

/**
 * Emergencies on released products (QA-04): raised by the QC step and the receipt at the site
 * in their transactions, by a refused bedside check and the site's report in their own; listed
 * with the journey's deviations, closed by QA signed; they hold the product from infusion.
 */
@Module({
  controllers: [EmergenciesController],
  providers: [
    ProductEmergencyRepository,
    CloseProductEmergencyUseCase,
    RaiseBedsideMismatchUseCase,
    ReportSiteEmergencyUseCase,
    signatureRecorderProvider('release'),
  ],
  exports: [ProductEmergencyRepository, RaiseBedsideMismatchUseCase],
})
export class EmergenciesModule {}
