import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { requireDonorCode } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { Roles } from '../auth/roles.decorator';
import { InternalServiceClient } from '../internal/internal-service.client';

const verifyBody = z.strictObject({ donorCode: z.string().optional() });

/** The chain of custody, both ways (TRC-01), and the ledger's verification. */
@ApiTags('traceability')
@ApiBearerAuth()
@Controller('api')
export class TracesController {
  constructor(private readonly services: InternalServiceClient) {}

  @Get('traces/donors/:donorCode')
  @Roles('ops', 'qa-qp', 'scheduler')
  @ApiOperation({
    summary:
      'Donor → patient: the ordered chain of custody of one donor unique code. Roles: ops, qa-qp, scheduler.',
  })
  byDonor(@Param('donorCode') code: string) {
    return this.services.request(
      'traceability',
      'GET',
      `/internal/trace/donors/${requireDonorCode(code)}`,
    );
  }

  @Get('traces/patients/:patientReference')
  @Roles('ops', 'qa-qp', 'scheduler')
  @ApiOperation({
    summary:
      'Patient → donor: every journey of a pseudonymous patient reference. Roles: ops, qa-qp, scheduler.',
  })
  byPatient(@Param('patientReference') reference: string) {
    return this.services.request(
      'traceability',
      'GET',
      `/internal/trace/patients/${encodeURIComponent(reference)}`,
    );
  }

  @Post('ledger/verify')
  @HttpCode(200)
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary:
      'Recompute the hash chains (all, or one donor code) and name the first broken entry. Roles: ops, qa-qp.',
  })
  verify(@Body(new ZodBodyPipe(verifyBody)) body: z.infer<typeof verifyBody>) {
    return this.services.request('traceability', 'POST', '/internal/ledger/verify', body);
  }
}
