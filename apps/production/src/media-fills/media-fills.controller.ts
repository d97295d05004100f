import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { type RecordMediaFillCommand, recordMediaFillCommandSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { MediaFillStanding } from './usecases/media-fill-standing.usecase';
import { RecordMediaFillUseCase } from './usecases/record-media-fill.usecase';

/** Internal API of media fills (PRD-02); the gateway exposes it with roles. */
@Controller('internal')
export class MediaFillsController {
  constructor(
    private readonly record: RecordMediaFillUseCase,
    private readonly standing: MediaFillStanding,
  ) {}

  @Post('media-fills')
  @HttpCode(201)
  recordRun(@Body(new ZodBodyPipe(recordMediaFillCommandSchema)) command: RecordMediaFillCommand) {
    return this.record.execute(command);
  }

  @Get('production-lines/:lineCode/media-fill-status')
  status(@Param('lineCode') lineCode: string, @Query('shift') shift?: string) {
    return this.standing.status(lineCode, shift);
  }
}
