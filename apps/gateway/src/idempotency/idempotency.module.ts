import { Module } from '@nestjs/common';
import { IdempotencyRecordRepository } from './idempotency-record.repository';

/** The records behind the global IdempotencyInterceptor (gateway.module.ts). */
@Module({ providers: [IdempotencyRecordRepository], exports: [IdempotencyRecordRepository] })
export class IdempotencyModule {}
