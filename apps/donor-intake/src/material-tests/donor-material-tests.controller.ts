import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  type DonorMaterialImpactCheck,
  donorMaterialImpactCheckSchema,
  type RecordDonorMaterialImpactCommand,
  recordDonorMaterialImpactCommandSchema,
  type RecordDonorMaterialTestResultsCommand,
  recordDonorMaterialTestResultsCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AssessDonorMaterialImpactUseCase } from './usecases/assess-donor-material-impact.usecase';
import { ReadDonorMaterialTestsUseCase } from './usecases/read-donor-material-tests.usecase';
import { RecordDonorMaterialResultsUseCase } from './usecases/record-donor-material-results.usecase';

/** The donor material's tests, their results and QA's impact assessment (QA-02.5). */
@Controller('internal/donor-material-tests')
export class DonorMaterialTestsController {
  constructor(
    private readonly read: ReadDonorMaterialTestsUseCase,
    private readonly results: RecordDonorMaterialResultsUseCase,
    private readonly assessment: AssessDonorMaterialImpactUseCase,
  ) {}

  @Get(':donorCode')
  view(@Param('donorCode') donorCode: string) {
    return this.read.execute(donorCode);
  }

  @Post('results')
  record(
    @Body(new ZodBodyPipe(recordDonorMaterialTestResultsCommandSchema))
    command: RecordDonorMaterialTestResultsCommand,
  ) {
    return this.results.execute(command);
  }

  @Post('impact-assessment-check')
  check(@Body(new ZodBodyPipe(donorMaterialImpactCheckSchema)) command: DonorMaterialImpactCheck) {
    return this.assessment.check(command);
  }

  @Post('impact-assessments')
  assess(
    @Body(new ZodBodyPipe(recordDonorMaterialImpactCommandSchema))
    command: RecordDonorMaterialImpactCommand,
  ) {
    return this.assessment.execute(command);
  }
}
