import { Controller, Get, Inject, Query } from '@nestjs/common';
import { requireDonorCode } from '@v2v/contracts';
import { RefusalRecordRepository } from '@v2v/messaging';

/** Internal, read-only: the step activities this service refused for a donor code. */
@Controller('internal/refusals')
export class RefusalsController {
  constructor(
    @Inject(RefusalRecordRepository) private readonly refusals: RefusalRecordRepository,
  ) {}

  @Get()
  byDonorCode(@Query('donorCode') donorCode = '') {
    return this.refusals.byDonorCode(requireDonorCode(donorCode));
  }
}
