import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { KeyMaterialsController } from './key-materials.controller';
import { KeyMaterialsService } from './key-materials.service';

/**
 * Key materials (MAT-01, MAT-02): catalogue, lots, QA's signed decisions, consumption, genealogy.
 */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [KeyMaterialsController],
  providers: [KeyMaterialsService],
})
export class KeyMaterialsModule {}
