import { formatDonorCodeEyeReadable, parseDonorCode } from '@v2v/contracts';

export interface ProductLabelContent {
  donorCode: string;
  /** Printed beside the 2D barcode, with the check character apart (TRC-02). */
  eyeReadable: string;
  batchNumber: string;
  productCode: string;
}

/** Every product label is generated from the batch's donor code, never typed (PRD-06). */
export function productLabelContent(batch: {
  donorCode: string;
  batchNumber: string;
  productCode: string;
}): ProductLabelContent {
  const code = parseDonorCode(batch.donorCode);
  return {
    donorCode: batch.donorCode,
    eyeReadable: formatDonorCodeEyeReadable(code),
    batchNumber: batch.batchNumber,
    productCode: batch.productCode,
  };
}

export function batchNumber(year: number, sequence: number): string {
  return `B${year}-${String(sequence).padStart(6, '0')}`;
}
