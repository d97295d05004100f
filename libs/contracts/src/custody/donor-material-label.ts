/**
 * What a donor material label prints (DON-04.4, DON-05): assembled by donor-intake from its
 * records, rendered by the gateway as PDF and PNG.
 */
export interface DonorMaterialLabel {
  /** Machine form, the content of the 2D barcode (TRC-02, TRC-03). */
  donorCode: string;
  /** `=A9999 26 000001 00 M`: the code as printed beside the barcode, check character included. */
  eyeReadable: string;
  productCode: string;
  institution: { id: string; name: string };
  collection: { collectedAt: string; volumeMl: number; bagLot: string; collectionOperator: string };
  /** Markers the donor screened positive for; empty when all were negative. */
  knownPositiveMarkers: string[];
  /** DON-05: the warning every package of known-positive material shows; null when none. */
  biohazardWarning: string | null;
}
