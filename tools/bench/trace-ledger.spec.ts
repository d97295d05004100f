import { JOURNEY_STEP_RECORDS, parseDonorCode, formatDonorCode } from '@v2v/contracts';
import { verifyChainAgainstHead } from '@v2v/integrity';
import {
  custodyChainOf,
  donorPatientLinkOf,
} from '../../apps/traceability/src/ledger/custody-event';
import { benchDonorCode, benchJourneyLedger, benchPatientReference } from './trace-ledger';

describe("the trace bench's ledger of one journey (P3)", () => {
  const journey = benchJourneyLedger(42, Date.parse('2026-12-01T00:00:00Z'));
  const envelopes = journey.entries.map((e) => JSON.parse(e.canonicalContent));

  it('TRC-01 is a chain the ledger verifies, ending at its head', () => {
    expect(journey.entries).toHaveLength(15);
    expect(journey.entries.map((e) => e.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(journey.head).toEqual({
      chainId: journey.link.donorCode,
      seq: 15,
      entryHash: journey.entries[14].entryHash,
    });
    expect(verifyChainAgainstHead(journey.link.donorCode, journey.entries, journey.head)).toBe(
      undefined,
    );
  });

  it("TRC-01 holds events the ledger's consumer accepts, on the donor's chain, as a real journey's", () => {
    for (const envelope of envelopes) expect(custodyChainOf(envelope)).toBe(journey.link.donorCode);
    expect(donorPatientLinkOf(envelopes[0])).toEqual({
      patientReference: benchPatientReference(42),
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
    });
    expect(journey.entries.map((e) => e.messageType)).toEqual([
      'donor.registered.v1',
      ...[
        'recordDonorScreening',
        'scheduleCollection',
        'recordCollection',
        'recordPostCollectionStorage',
        'handOverToCourier',
        'recordMaterialReceipt',
        'releaseMaterial',
        'startProduction',
        'recordQcResult',
        'releaseBatch',
        'shipToSite',
        'receiveAtSite',
        'recordThaw',
        'recordInfusion',
      ].map((step) => JOURNEY_STEP_RECORDS[step as keyof typeof JOURNEY_STEP_RECORDS].messageType),
    ]);
    expect(new Set(journey.entries.map((e) => e.producer))).toEqual(
      new Set(['donor-intake', 'production', 'release']),
    );
    // A signature's password never reaches the ledger; the step's own fields do.
    expect(journey.entries.some((e) => e.canonicalContent.includes('"signature"'))).toBe(false);
    expect(envelopes[3].payload.detail).toMatchObject({ volumeMl: 180 });
  });

  it('numbers journeys with valid, distinct donor codes and one patient each', () => {
    const code = benchDonorCode(1);
    expect(formatDonorCode(parseDonorCode(code))).toBe(code);
    expect(benchDonorCode(999_999)).not.toBe(benchDonorCode(999_998));
    expect(benchPatientReference(7)).toBe('PAT-BENCH-7');
    const other = benchJourneyLedger(43, Date.parse('2026-12-01T00:00:00Z'));
    expect(other.link.donorCode).not.toBe(journey.link.donorCode);
    const ids = new Set([...journey.entries, ...other.entries].map((e) => e.eventId));
    expect(ids.size).toBe(30);
  });
});
