import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerVerification, ledgerVerificationSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { Roles } from '../auth/roles.decorator';
import { TraceabilityClient } from '../internal/traceability.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';

/** The chain of custody, both ways (TRC-01), and the ledger's verification. */
@ApiTags('traceability')
@ApiBearerAuth()
@Controller('api')
export class TracesController {
  constructor(private readonly traceability: TraceabilityClient) {}

  @Get('traces/donors/:donorCode')
  @Roles('ops', 'qa-qp', 'scheduler')
  @ApiOperation({
    summary:
      'Donor → patient: the ordered chain of custody of one donor unique code. Roles: ops, qa-qp, scheduler.',
  })
  byDonor(@DonorCodeParam() donorCode: string) {
    return this.traceability.traceOfDonor<unknown>(donorCode);
  }

  @Get('traces/patients/:patientReference')
  @Roles('ops', 'qa-qp', 'scheduler')
  @ApiOperation({
    summary:
      'Patient → donor: every journey of a pseudonymous patient reference. Roles: ops, qa-qp, scheduler.',
  })
  byPatient(@Param('patientReference') reference: string) {
    return this.traceability.traceOfPatient(reference);
  }

  @Post('ledger/verify')
  @HttpCode(200)
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary:
      'Recompute the hash chains (all, or one donor code) and name the first broken entry. Roles: ops, qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(ledgerVerificationSchema) })
  verify(@Body(new ZodBodyPipe(ledgerVerificationSchema)) body: LedgerVerification) {
    return this.traceability.verifyLedger(body);
  }
}
