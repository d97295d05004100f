import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type CheckRetentionExceptionCommand,
  checkRetentionExceptionCommandSchema,
  type DecideRetentionExceptionCommand,
  decideRetentionExceptionCommandSchema,
  DomainError,
  type RecordSampleCommand,
  recordSampleCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { SampleRepository } from './sample.repository';
import { DecideRetentionExceptionUseCase } from './usecases/decide-retention-exception.usecase';
import { RecordSampleUseCase } from './usecases/record-sample.usecase';
import { RetentionStandingUseCase } from './usecases/retention-standing.usecase';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Internal API of the sample register (QA-01); the gateway exposes it with roles. */
@Controller('internal')
export class SamplesController {
  constructor(
    private readonly samples: SampleRepository,
    private readonly record: RecordSampleUseCase,
    private readonly decide: DecideRetentionExceptionUseCase,
    private readonly retention: RetentionStandingUseCase,
  ) {}

  @Post('samples')
  @HttpCode(201)
  recordSample(@Body(new ZodBodyPipe(recordSampleCommandSchema)) command: RecordSampleCommand) {
    return this.record.execute(command);
  }

  @Get('samples')
  samplesOfLot(@Query('lot') lotId?: string) {
    if (!lotId)
      throw new DomainError('VALIDATION_FAILED', 'name the key-material lot: ?lot=<lot id>', {
        fieldErrors: [{ path: 'lot', message: 'required' }],
      });
    return this.samples.samplesOfLot(lotId);
  }

  /** The journey's samples and its decided retention exceptions (the photos by their hash). */
  @Get('journeys/:donorCode/samples')
  async ofJourney(@Param('donorCode') donorCode: string) {
    const [samples, exceptions] = await Promise.all([
      this.samples.samplesOfJourney(donorCode),
      this.samples.exceptionsOfJourney(donorCode),
    ]);
    return { donorCode, samples, exceptions };
  }

  /** The label photo of a product-not-retained exception, base64 with its type and hash. */
  @Get('journeys/:donorCode/retention-exceptions/:exceptionId/label-photo')
  async labelPhoto(
    @Param('donorCode') donorCode: string,
    @Param('exceptionId') exceptionId: string,
  ) {
    const photo = UUID.test(exceptionId)
      ? await this.samples.labelPhoto(donorCode, exceptionId)
      : undefined;
    if (!photo)
      throw new DomainError(
        'NOT_FOUND',
        `no label photo of retention exception ${exceptionId} of ${donorCode}`,
      );
    const { content, ...meta } = photo;
    return { ...meta, base64: content.toString('base64') };
  }

  @Get('journeys/:donorCode/retention')
  standing(@Param('donorCode') donorCode: string) {
    return this.retention.standing(donorCode);
  }

  /** Would this exception be accepted? The gateway asks before it records a signature. */
  @Post('retention-exceptions/check')
  @HttpCode(200)
  checkException(
    @Body(new ZodBodyPipe(checkRetentionExceptionCommandSchema))
    command: CheckRetentionExceptionCommand,
  ) {
    return this.decide.check(command);
  }

  @Post('retention-exceptions')
  @HttpCode(201)
  decideException(
    @Body(new ZodBodyPipe(decideRetentionExceptionCommandSchema))
    command: DecideRetentionExceptionCommand,
  ) {
    return this.decide.execute(command);
  }
}
