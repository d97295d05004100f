import { Controller, Get, Inject, Param } from '@nestjs/common';
import { JourneySignatures } from './journey-signatures';

/** Internal, read-only: a journey's step signatures this service recorded, with their validity. */
@Controller('internal/journeys')
export class JourneySignaturesController {
  constructor(@Inject(JourneySignatures) private readonly signatures: JourneySignatures) {}

  @Get(':donorCode/signatures')
  list(@Param('donorCode') donorCode: string) {
    return this.signatures.list(donorCode);
  }
}
