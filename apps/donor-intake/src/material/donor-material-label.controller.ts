import { Controller, Get, Param } from '@nestjs/common';
import { requireDonorCode } from '@v2v/contracts';
import { ReadDonorMaterialLabelUseCase } from './read-donor-material-label.usecase';

/** Internal API used by the gateway's label endpoints; not exposed publicly. */
@Controller('internal/donors')
export class DonorMaterialLabelController {
  constructor(private readonly readLabel: ReadDonorMaterialLabelUseCase) {}

  @Get(':donorCode/label')
  label(@Param('donorCode') raw: string) {
    return this.readLabel.execute(requireDonorCode(raw));
  }
}
