import { isValidDonorCode, requireDonorCode } from '@v2v/contracts';

/**
 * The gateway's routes of one journey: `/api/journeys/{code}…`, `/api/traces/donors/{code}` and
 * the FHIR resources read by donor code (`/fhir/r4/Specimen/{code}`, …).
 */
const JOURNEY_ROUTE =
  /^\/(?:api\/(?:journeys|traces\/donors)|fhir\/r4\/(?:ServiceRequest|Specimen|BiologicallyDerivedProduct|Procedure))\/([^/?#]+)/;

/**
 * The canonical donor code a refused request was about, read from its path, so every refusal
 * on a journey's route (401, 403, tenancy, rules) can be found by that journey's code. None
 * when the path names no journey or the code is malformed (TRC-02).
 */
export function donorCodeInPath(path: string): string | null {
  const segment = JOURNEY_ROUTE.exec(path)?.[1];
  if (!segment) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return isValidDonorCode(raw) ? requireDonorCode(raw) : null;
}
