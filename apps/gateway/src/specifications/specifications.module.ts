import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { ProductSpecificationsController } from './product-specifications.controller';
import { ProductSpecificationsService } from './product-specifications.service';

/** Product specifications (GEN-03, DON-03): read by all, published by QA, signed. */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [ProductSpecificationsController],
  providers: [ProductSpecificationsService],
})
export class SpecificationsModule {}
