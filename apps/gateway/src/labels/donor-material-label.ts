/**
 * The label content donor-intake assembles from its records (`GET /internal/donors/{code}/label`):
 * what a donor material label prints (DON-04.4, DON-05), rendered here as PDF and PNG.
 */
export interface DonorMaterialLabel {
  /** Machine form, the content of the 2D barcode. */
  donorCode: string;
  /** The code as printed beside the barcode, check character included. */
  eyeReadable: string;
  productCode: string;
  institution: { id: string; name: string };
  collection: { collectedAt: string; volumeMl: number; bagLot: string; collectionOperator: string };
  knownPositiveMarkers: string[];
  /** DON-05 warning for known-positive material; null when none. */
  biohazardWarning: string | null;
}

/** `2026-12-01 08:00 UTC`: labels print one unambiguous zone whatever the server's. */
export function labelDateTime(iso: string): string {
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}
