import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { AuditReader } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';

/**
 * A service's audit trail, read-only, for the gateway (CSV-01). There is deliberately no
 * route that writes, edits or deletes an entry.
 */
@Controller('internal/audit')
export class AuditController {
  constructor(@Inject(AuditReader) private readonly audit: AuditReader) {}

  @Get()
  byJourney(@Query('journeyId') journeyId?: string) {
    if (!journeyId) throw new DomainError('VALIDATION_FAILED', 'journeyId is required');
    return this.audit.byJourney(journeyId);
  }

  @Get('records/:recordType/:recordId')
  byRecord(@Param('recordType') recordType: string, @Param('recordId') recordId: string) {
    return this.audit.byRecord(recordType, recordId);
  }

  @Post('verify')
  @HttpCode(200)
  verify() {
    return this.audit.verify();
  }
}
