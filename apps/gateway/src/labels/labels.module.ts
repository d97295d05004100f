import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { DonorMaterialLabelService } from './donor-material-label.service';
import { LabelsController } from './labels.controller';

/** The donor material label, PDF and barcode image (TRC-03, DON-05). */
@Module({
  imports: [SharedModule],
  controllers: [LabelsController],
  providers: [DonorMaterialLabelService],
})
export class LabelsModule {}
