import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type SiteEmergencyReport, siteEmergencyReportSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { SiteEmergenciesService } from './site-emergencies.service';

/** Emergencies on the product found at the treatment site (QA-04). */
@ApiTags('emergencies')
@ApiBearerAuth()
@Controller('api/journeys/:donorCode')
export class SiteEmergenciesController {
  constructor(private readonly emergencies: SiteEmergenciesService) {}

  @Post('emergency-reports')
  @PerformsOperation('reportSiteEmergency')
  @HttpCode(201)
  @Roles('hospital')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Report an emergency on the product after its receipt at the site: a damaged bag, a wrong, illegible or lost label, a temperature excursion in use, or other; when it was found and what. Opens a QA-04 emergency: the product is on hold until QA closes it; the manufacturer's QA lists it with the journey's deviations. Refused before the receipt (STEP_OUT_OF_ORDER) and once the journey closed. Roles: hospital (of the journey's institution).",
  })
  @ApiBody({ schema: openApiSchema(siteEmergencyReportSchema) })
  report(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(siteEmergencyReportSchema)) body: SiteEmergencyReport,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.emergencies.report(donorCode, body, { user, idempotency });
  }

  @Get('emergencies/:emergencyId/report')
  @Roles('qa-qp', 'ops', 'hospital')
  @Header('content-type', 'application/pdf')
  @ApiOperation({
    summary:
      "The emergency report (QA-04) as PDF: what was found, when and by whom, the product (donor code, batch), the investigation, root cause, CAPA, disposition, recall decision and the closure's signature; Chinese and English labels. Roles: qa-qp, ops, hospital (of the journey's institution).",
  })
  async reportPdf(@DonorCodeParam() donorCode: string, @Param('emergencyId') emergencyId: string) {
    return new StreamableFile(await this.emergencies.reportPdf(donorCode, emergencyId));
  }
}
