import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { acknowledgeInstructionsForUseSchema, DomainError } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { productCode } from '../specifications/product-specifications.controller';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { InstructionsForUseService } from './instructions-for-use.service';

const JOURNEY_ROLES = ['hospital', 'qa-qp', 'ops', 'scheduler'] as const;
const MANUFACTURER_ROLES = ['operator', 'production-manager', 'qc', 'qa-qp', 'ops'] as const;

const pdf = (rendered: { filename: string; file: Buffer }) =>
  new StreamableFile(rendered.file, {
    type: 'application/pdf',
    disposition: `inline; filename="${rendered.filename}"`,
  });

/**
 * The instructions for use that travel with every shipment (OTH-01, §12(1)): what travelled,
 * as JSON and as PDF, the hospital's acknowledgement of their receipt, and a specification
 * version's instructions for the manufacturer. Each method only translates HTTP.
 */
@ApiTags('instructions for use')
@ApiBearerAuth()
@Controller('api')
export class InstructionsForUseController {
  constructor(private readonly instructions: InstructionsForUseService) {}

  @Get('journeys/:donorCode/instructions-for-use')
  @Roles(...JOURNEY_ROLES)
  @ApiOperation({
    summary:
      "The instructions for use that travelled with the journey's shipment: the pinned specification version, their content and SHA-256, and the hospital's acknowledgement once given; 404 before the shipment (OTH-01). Roles: hospital (own institution only), qa-qp, ops, scheduler.",
  })
  shipped(@DonorCodeParam() donorCode: string) {
    return this.instructions.shipped(donorCode);
  }

  @Get('journeys/:donorCode/instructions-for-use.pdf')
  @Roles(...JOURNEY_ROLES)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      "The instructions for use that travelled with the journey's shipment, as PDF in Chinese and English: thawing, dilution and washing, preparation and aseptic requirements, site storage, transfer to the bedside, warnings; 404 before the shipment (OTH-01). Roles: hospital (own institution only), qa-qp, ops, scheduler.",
  })
  async journeyPdf(@DonorCodeParam() donorCode: string) {
    return pdf(await this.instructions.journeyPdf(donorCode));
  }

  @Post('journeys/:donorCode/instructions-for-use/acknowledgement')
  @PerformsOperation('acknowledgeInstructionsForUse')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({
    summary:
      'The hospital acknowledges receipt of the instructions for use shipped with the product, recorded with who and when; a repeat returns the first acknowledgement. Refused 409 OTH-01 before the shipment; the infusion is refused OTH-01 until it is given. Roles: hospital (own institution only).',
  })
  @ApiBody({ schema: openApiSchema(acknowledgeInstructionsForUseSchema) })
  acknowledge(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(acknowledgeInstructionsForUseSchema)) _body: object,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.instructions.acknowledge(donorCode, user);
  }

  @Get('product-specifications/:productCode/versions/:version/instructions-for-use.pdf')
  @Roles(...MANUFACTURER_ROLES)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      "A published specification version's instructions for use as PDF; 404 for a version without them (OTH-01). Roles: operator, production-manager, qc, qa-qp, ops.",
  })
  async specificationPdf(@Param('productCode') code: string, @Param('version') version: string) {
    if (!/^[1-9][0-9]*$/.test(version))
      throw new DomainError('VALIDATION_FAILED', `version '${version}' is not a positive integer`);
    return pdf(await this.instructions.specificationPdf(productCode(code), version));
  }
}
