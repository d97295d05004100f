import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  DomainError,
  type ReviewBatchRecordCommand,
  reviewBatchRecordCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { BatchRecordReviewStanding } from './usecases/batch-record-review-standing.usecase';
import { ReviewBatchRecordUseCase } from './usecases/review-batch-record.usecase';

const donorCodeOf = (donorCode?: string): string => {
  if (!donorCode) throw new DomainError('VALIDATION_FAILED', 'donorCode is required');
  return donorCode;
};

/** Internal API of QA's batch record review (QA-02.2); the gateway exposes it with roles. */
@Controller('internal/batch-records/:batchNumber')
export class BatchRecordReviewController {
  constructor(
    private readonly review: ReviewBatchRecordUseCase,
    private readonly standing: BatchRecordReviewStanding,
  ) {}

  /** Would a review be allowed now, and over which hash? Asked before anything is signed. */
  @Get('review-check')
  check(@Param('batchNumber') batchNumber: string, @Query('donorCode') donorCode?: string) {
    return this.review.check(batchNumber, donorCodeOf(donorCode));
  }

  @Post('reviews')
  @HttpCode(201)
  record(
    @Param('batchNumber') batchNumber: string,
    @Body(new ZodBodyPipe(reviewBatchRecordCommandSchema)) command: ReviewBatchRecordCommand,
  ) {
    return this.review.execute(batchNumber, command);
  }

  /** The latest review with whether it still holds. */
  @Get('review')
  latest(@Param('batchNumber') batchNumber: string, @Query('donorCode') donorCode?: string) {
    return this.standing.latest({ batchNumber, donorCode: donorCodeOf(donorCode) });
  }
}
