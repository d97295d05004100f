import type {
  DonorMaterialImpactAssessmentView,
  DonorMaterialTestStanding,
  ReleaseGate,
} from '@v2v/contracts';
import { gateContentHash, releaseGate } from '@v2v/signatures';
import { materialTestsStanding } from '../material-tests/donor-material-test-rules';

const gate = releaseGate.bind(null, 'donor-intake');

/** A deviation of the donor material (transport, receipt) with whether QA closed it. */
export interface MaterialDeviation {
  deviationId: string;
  description: string;
  status: 'open' | 'closed';
}

/**
 * QA-02.3 (donor-intake's part): every deviation raised for the donor material closed by QA.
 * The content judged is each deviation with its status (a closure is recorded once).
 */
export function materialDeviationsGate(deviations: readonly MaterialDeviation[]): ReleaseGate {
  const sorted = [...deviations].sort((a, b) => (a.deviationId < b.deviationId ? -1 : 1));
  const hash = gateContentHash(
    sorted.map((d) => ({ deviationId: d.deviationId, status: d.status })),
  );
  const open = sorted.filter((d) => d.status === 'open');
  if (open.length)
    return gate(
      'QA-02.3',
      {
        status: 'open',
        detail: `${open.length} of ${sorted.length} donor material deviations not closed: ${open.map((d) => d.description).join('; ')}`,
        openRecords: open.map((d) => d.deviationId),
      },
      hash,
    );
  return gate(
    'QA-02.3',
    {
      status: 'settled',
      detail: sorted.length
        ? `every donor material deviation (${sorted.length}) is closed by QA`
        : 'no deviation was raised for the donor material',
      openRecords: [],
    },
    hash,
  );
}

/** What donor-intake recorded of the material's tests and its release. */
export interface MaterialTestFacts {
  screening?: { recordedAt: string; markers: string[]; specificationVersion?: number };
  /** The receipt's DON-04.6 check: the screening's markers against the pinned specification. */
  markerCheck?: { passed: boolean; reason?: string };
  releasedAt?: string;
  /**
   * The donor material's own tests, where the pinned specification defines them: each with its
   * effective result, those pending when QA released the material (absent: no record of them
   * with the release) and QA's latest signed impact assessment.
   */
  donorMaterial?: {
    standings: DonorMaterialTestStanding[];
    pendingAtRelease?: string[];
    assessment?: DonorMaterialImpactAssessmentView;
  };
}

/**
 * QA-02.5: material used before its tests completed needs an impact assessment. The screening
 * must have been recorded before QA released the material with a result for every required
 * marker of the pinned specification (DON-04.6), else the gate stays open. Where the
 * specification defines the donor material's own tests, a test pending at the release (or a
 * result out of specification) needs QA's signed impact assessment covering every result as it
 * stands (`materialTestsStanding`); otherwise the case does not arise. The hash covers the
 * results, the pending tests and the assessment, so a release over an older state is void.
 */
export function materialTestsGate(facts: MaterialTestFacts): ReleaseGate {
  const { screening, markerCheck, releasedAt, donorMaterial } = facts;
  const hash = gateContentHash({
    screening: screening ?? null,
    markerCheck: markerCheck ?? null,
    releasedAt: releasedAt ?? null,
    ...(donorMaterial && {
      donorMaterial: {
        results: donorMaterial.standings.map((s) => ({
          testCode: s.testCode,
          resultId: s.result?.resultId ?? null,
          verdict: s.status,
        })),
        pendingAtRelease: donorMaterial.pendingAtRelease ?? null,
        assessment: donorMaterial.assessment ?? null,
      },
    }),
  });
  const gaps: string[] = [];
  if (!releasedAt) gaps.push('no release of the donor material is on record');
  if (!screening) gaps.push('no screening result is on record');
  else if (releasedAt && screening.recordedAt > releasedAt)
    gaps.push(`the screening was recorded at ${screening.recordedAt}, after the release`);
  if (!markerCheck) gaps.push('no receipt check of the screening results is on record');
  else if (!markerCheck.passed) gaps.push(`at receipt: ${markerCheck.reason}`);
  if (releasedAt && donorMaterial && !donorMaterial.pendingAtRelease)
    gaps.push("no record of the donor material's tests at its release");
  if (gaps.length)
    return gate(
      'QA-02.5',
      {
        status: 'open',
        detail: `impact assessment of the donor material required: ${gaps.join('; ')}`,
        openRecords: [],
      },
      hash,
    );
  const tests =
    donorMaterial &&
    materialTestsStanding(
      donorMaterial.standings,
      donorMaterial.pendingAtRelease ?? [],
      donorMaterial.assessment,
    );
  if (tests && tests.status !== 'not-applicable') return gate('QA-02.5', tests, hash);
  const version = screening?.specificationVersion;
  return gate(
    'QA-02.5',
    {
      status: 'not-applicable',
      detail: `every required marker of the pinned specification${version ? ` (v${version})` : ''}${donorMaterial ? ' and every donor material test' : ''} had a result recorded before the material was released: it was not used before its tests completed`,
      openRecords: [],
    },
    hash,
  );
}

/** The donor registered under the code, as donor-intake holds the order. */
export interface RegisteredDonor {
  donorCode: string;
  patientReference: string;
  institutionId: string;
}

/**
 * QA-02.4 (donor-intake's part): the order is the donor code's: a donor is registered under
 * it for the patient, and every donor-intake record under the code belongs to this journey.
 * The content judged is the registration and the journeys the records name.
 */
export function donorOrderGate(
  journey: { donorCode: string; journeyId: string },
  donor: RegisteredDonor | undefined,
  recordJourneyIds: readonly string[],
): ReleaseGate {
  const journeyIds = [...new Set(recordJourneyIds)].sort();
  const hash = gateContentHash({ donor: donor ?? null, journeyIds });
  const problems: string[] = [];
  if (!donor) problems.push(`no donor is registered under ${journey.donorCode}`);
  const others = journeyIds.filter((id) => id !== journey.journeyId);
  if (others.length) problems.push(`records under the code name journey ${others.join(', ')}`);
  if (problems.length)
    return gate(
      'QA-02.4',
      {
        status: 'blocked',
        detail: `the order does not match donor code ${journey.donorCode}: ${problems.join('; ')}`,
        openRecords: [journey.donorCode],
      },
      hash,
    );
  return gate(
    'QA-02.4',
    {
      status: 'settled',
      detail: `donor code ${journey.donorCode} is the order of patient ${donor?.patientReference} (${donor?.institutionId}) and every donor material record names this journey`,
      openRecords: [],
    },
    hash,
  );
}
