import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type CloseProductEmergencyCommand,
  closeProductEmergencyCommandSchema,
  type ReportSiteEmergencyCommand,
  reportSiteEmergencyCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { ProductEmergencyRepository } from './product-emergency.repository';
import { CloseProductEmergencyUseCase } from './usecases/close-product-emergency.usecase';
import { ReportSiteEmergencyUseCase } from './usecases/report-site-emergency.usecase';

/** Internal API of the emergencies raised on products (QA-04); the gateway adds the roles. */
@Controller('internal')
export class EmergenciesController {
  constructor(
    private readonly emergencies: ProductEmergencyRepository,
    private readonly closures: CloseProductEmergencyUseCase,
    private readonly siteReports: ReportSiteEmergencyUseCase,
  ) {}

  @Get('journeys/:donorCode/emergencies')
  list(@Param('donorCode') donorCode: string) {
    return this.emergencies.list(donorCode);
  }

  /** QA-04: the hospital's report of an emergency after the receipt; returns its notice. */
  @Post('emergency-reports')
  @HttpCode(201)
  report(
    @Body(new ZodBodyPipe(reportSiteEmergencyCommandSchema)) command: ReportSiteEmergencyCommand,
  ) {
    return this.siteReports.execute(command);
  }

  @Post('emergencies/:emergencyId/close')
  @HttpCode(201)
  close(
    @Param('emergencyId') emergencyId: string,
    @Body(new ZodBodyPipe(closeProductEmergencyCommandSchema))
    command: CloseProductEmergencyCommand,
  ) {
    return this.closures.execute(emergencyId, command);
  }
}
