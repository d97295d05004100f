import { Injectable } from '@nestjs/common';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { donorMaterialLabelPdf } from './donor-material-label.pdf';
import { barcodeSymbolPng, labelPng } from './label-barcode';

/** Renders a donor material label from the content donor-intake assembles from its records. */
@Injectable()
export class DonorMaterialLabelService {
  constructor(private readonly donorIntake: DonorIntakeClient) {}

  /** `donorCode` is canonical. */
  async pdf(donorCode: string): Promise<{ donorCode: string; file: Buffer }> {
    const label = await this.donorIntake.label(donorCode);
    return {
      donorCode: label.donorCode,
      file: await donorMaterialLabelPdf(label, await barcodeSymbolPng(label.donorCode)),
    };
  }

  async png(donorCode: string): Promise<{ donorCode: string; file: Buffer }> {
    const label = await this.donorIntake.label(donorCode);
    return { donorCode: label.donorCode, file: await labelPng(label) };
  }
}
