import { Injectable } from '@nestjs/common';
import { requireDonorCode } from '@v2v/contracts';
import { InternalServiceClient } from '../internal/internal-service.client';
import type { DonorMaterialLabel } from '@v2v/contracts';
import { donorMaterialLabelPdf } from './donor-material-label.pdf';
import { barcodeSymbolPng, labelPng } from './label-barcode';

/** Renders a donor material label from the content donor-intake assembles from its records. */
@Injectable()
export class DonorMaterialLabelService {
  constructor(private readonly services: InternalServiceClient) {}

  async pdf(rawDonorCode: string): Promise<{ donorCode: string; file: Buffer }> {
    const label = await this.read(rawDonorCode);
    return {
      donorCode: label.donorCode,
      file: await donorMaterialLabelPdf(label, await barcodeSymbolPng(label.donorCode)),
    };
  }

  async png(rawDonorCode: string): Promise<{ donorCode: string; file: Buffer }> {
    const label = await this.read(rawDonorCode);
    return { donorCode: label.donorCode, file: await labelPng(label) };
  }

  private read(rawDonorCode: string): Promise<DonorMaterialLabel> {
    return this.services.request<DonorMaterialLabel>(
      'donorIntake',
      'GET',
      `/internal/donors/${requireDonorCode(rawDonorCode)}/label`,
    );
  }
}
