import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { journeyWorkflowId } from '@v2v/contracts';
import { Roles } from '../auth/roles.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { AuditTrailService } from './audit-trail.service';

/** CSV-01: who changed what, when and why, per journey and per record; and verification. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api')
export class AuditController {
  constructor(private readonly audit: AuditTrailService) {}

  @Get('journeys/:donorCode/audit')
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary:
      'The audit trail of every GMP record of one journey, in time order. Roles: ops, qa-qp.',
  })
  byJourney(@DonorCodeParam() donorCode: string) {
    return this.audit.byJourney(journeyWorkflowId(donorCode));
  }

  @Get('audit/records/:recordType/:recordId')
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary: 'The audit trail of one record (e.g. batch B2026-000001). Roles: ops, qa-qp.',
  })
  byRecord(@Param('recordType') recordType: string, @Param('recordId') recordId: string) {
    return this.audit.byRecord(recordType, recordId);
  }

  @Post('integrity/verify')
  @HttpCode(200)
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary:
      'Recompute the traceability ledger and every audit trail; names the first broken entry. Roles: ops, qa-qp.',
  })
  verify() {
    return this.audit.verify();
  }
}
