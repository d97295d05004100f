import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { donorCodeInFileName } from '@v2v/contracts';
import { Roles } from '../auth/roles.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { DonorMaterialLabelService } from './donor-material-label.service';

const file = (rendered: { donorCode: string; file: Buffer }, type: string, extension: string) =>
  new StreamableFile(rendered.file, {
    type,
    disposition: `inline; filename="label-${donorCodeInFileName(rendered.donorCode)}.${extension}"`,
  });

/**
 * The donor material label, with the donor unique code as a 2D barcode and as text (TRC-03,
 * DON-05).
 */
@ApiTags('labels')
@ApiBearerAuth()
@Controller('api')
export class LabelsController {
  constructor(private readonly labels: DonorMaterialLabelService) {}

  @Get('journeys/:donorCode/label.pdf')
  @Roles('hospital', 'operator', 'ops', 'qa-qp')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      "The current unit's donor material label, 100 × 60 mm: Data Matrix and eye-readable donor unique code, product, institution, collection date and time, volume, bag/lot, and the DON-05 biohazard band on known-positive material; 409 LABEL_NOT_AVAILABLE before collection. Roles: hospital (own institution only), operator, ops, qa-qp.",
  })
  async pdf(@DonorCodeParam() donorCode: string) {
    return file(await this.labels.pdf(donorCode), 'application/pdf', 'pdf');
  }

  @Get('journeys/:donorCode/label.png')
  @Roles('hospital', 'operator', 'ops', 'qa-qp')
  @ApiProduces('image/png')
  @ApiOperation({
    summary:
      "The label's barcode as an image: the Data Matrix of the donor unique code, the eye-readable code under it and the DON-05 warning for known-positive material; 409 LABEL_NOT_AVAILABLE before collection. Roles: hospital (own institution only), operator, ops, qa-qp.",
  })
  async png(@DonorCodeParam() donorCode: string) {
    return file(await this.labels.png(donorCode), 'image/png', 'png');
  }
}
