import { Controller, Get, Inject, Param } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import { StepRecordReader } from '@v2v/messaging';

/** Internal, read-only: a step record as stored now, for the gateway's signature checks. */
@Controller('internal/step-records')
export class StepRecordsController {
  constructor(@Inject(StepRecordReader) private readonly records: StepRecordReader) {}

  @Get(':eventId')
  async byEventId(@Param('eventId') eventId: string) {
    const record = await this.records.byEventId(eventId);
    if (!record) throw new DomainError('NOT_FOUND', `no step record for event ${eventId}`);
    return record;
  }
}
