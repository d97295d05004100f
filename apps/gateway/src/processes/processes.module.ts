import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { ProcessesController } from './processes.controller';
import { ProcessesService } from './processes.service';

/** Process definitions (PRD-01) and QA's signed validation decisions (PRD-03). */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [ProcessesController],
  providers: [ProcessesService],
})
export class ProcessesModule {}
