import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { ZodBodyPipe } from '@v2v/service-kit';
import { TraceByDonorCodeUseCase } from '../usecases/trace-by-donor-code.usecase';
import { TraceByPatientReferenceUseCase } from '../usecases/trace-by-patient-reference.usecase';
import { VerifyLedgerUseCase } from '../usecases/verify-ledger.usecase';

const verifyBody = z.strictObject({ donorCode: z.string().optional() });

/** Internal API; the gateway proxies it with roles. */
@Controller('internal')
export class LedgerController {
  constructor(
    private readonly traceByDonor: TraceByDonorCodeUseCase,
    private readonly traceByPatient: TraceByPatientReferenceUseCase,
    private readonly verifyLedger: VerifyLedgerUseCase,
  ) {}

  @Get('trace/donors/:donorCode')
  donor(@Param('donorCode') donorCode: string) {
    return this.traceByDonor.execute(donorCode);
  }

  @Get('trace/patients/:patientReference')
  patient(@Param('patientReference') reference: string) {
    return this.traceByPatient.execute(reference);
  }

  @Post('ledger/verify')
  @HttpCode(200)
  verify(@Body(new ZodBodyPipe(verifyBody)) body: z.infer<typeof verifyBody>) {
    return this.verifyLedger.execute(body);
  }
}
