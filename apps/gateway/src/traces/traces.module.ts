import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { TracesController } from './traces.controller';

/** The chain of custody both ways (TRC-01) and the ledger's verification. */
@Module({ imports: [SharedModule], controllers: [TracesController] })
export class TracesModule {}
