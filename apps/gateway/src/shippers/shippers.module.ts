import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { QualifiedShippersController } from './qualified-shippers.controller';
import { QualifiedShippersService } from './qualified-shippers.service';
import { QualifyShipperBodyPipe } from './qualify-shipper-body.pipe';

/** Shipper/lane qualification (MAT-03): both registers and QA's signed decisions. */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [QualifiedShippersController],
  providers: [QualifiedShippersService, QualifyShipperBodyPipe],
})
export class ShippersModule {}
