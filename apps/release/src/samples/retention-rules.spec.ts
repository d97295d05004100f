import { DomainError, LABEL_PHOTO_MAX_BYTES } from '@v2v/contracts';
import {
  labelPhotoRefusal,
  requireExceptionEvidence,
  requireExceptionSample,
  requireRetentionPeriod,
  requireRetentionSettled,
  retentionStanding,
  SampleFacts,
} from './retention-rules';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const DONOR = 'D-TEST';

function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

const sample = (over: Partial<SampleFacts>): SampleFacts => ({
  sampleId: 's-1',
  purpose: 'retention',
  subject: 'donor-material',
  donorCode: DONOR,
  ...over,
});

describe('requireRetentionPeriod', () => {
  const takenAt = '2026-11-30T08:00:00Z';

  it('QA-01 refuses a retention sample without its retention end', () => {
    const error = refusal(() =>
      requireRetentionPeriod({ purpose: 'retention', subject: 'final-product', takenAt }),
    );
    expect(error).toMatchObject({ code: 'QA-01' });
    expect(error.message).toMatch(/until when it is kept \(QA-01\)$/);
  });

  it('QA-01 refuses a retention end before the sample was taken', () => {
    expect(
      refusal(() =>
        requireRetentionPeriod({
          purpose: 'retention',
          subject: 'donor-material',
          takenAt,
          retentionUntil: '2026-11-29',
        }),
      ).code,
    ).toBe('QA-01');
  });

  it("QA-01 refuses a key-material lot's retention sample kept less than the lot's shelf life", () => {
    const error = refusal(() =>
      requireRetentionPeriod({
        purpose: 'retention',
        subject: 'key-material-lot',
        takenAt,
        retentionUntil: '2027-06-30',
        lotExpiresOn: '2027-12-31',
      }),
    );
    expect(error).toMatchObject({ code: 'QA-01', details: { item: 'QA-01.2' } });
    expect(error.message).toContain('2027-12-31');
  });

  it("QA-01 accepts a lot's retention to its expiry, and a QC sample without an end", () => {
    expect(() =>
      requireRetentionPeriod({
        purpose: 'retention',
        subject: 'key-material-lot',
        takenAt,
        retentionUntil: '2027-12-31',
        lotExpiresOn: '2027-12-31',
      }),
    ).not.toThrow();
    expect(() =>
      requireRetentionPeriod({ purpose: 'qc', subject: 'final-product', takenAt }),
    ).not.toThrow();
  });
});

describe('requireExceptionEvidence', () => {
  it('QA-01 refuses a product not retained without the photo of its label', () => {
    const error = refusal(() => requireExceptionEvidence('product-not-retained', {}));
    expect(error).toMatchObject({
      code: 'QA-01',
      details: { fieldErrors: [{ path: 'labelPhoto' }] },
    });
    expect(error.message).toMatch(/\(QA-01\)$/);
  });

  it('QA-01 refuses a label photo whose bytes are not of its stated type', () => {
    const photo = { contentType: 'image/png' as const, bytes: JPEG };
    expect(
      refusal(() => requireExceptionEvidence('product-not-retained', { labelPhoto: photo })).code,
    ).toBe('QA-01');
  });

  it('QA-01 accepts a product not retained with a PNG or JPEG label photo', () => {
    for (const labelPhoto of [
      { contentType: 'image/png' as const, bytes: PNG },
      { contentType: 'image/jpeg' as const, bytes: JPEG },
    ])
      expect(() => requireExceptionEvidence('product-not-retained', { labelPhoto })).not.toThrow();
  });

  it('QA-01 refuses a shortened retention without its evaluation report', () => {
    expect(refusal(() => requireExceptionEvidence('retention-shortened', {})).details).toEqual({
      fieldErrors: [{ path: 'evaluationReportReference', message: expect.any(String) }],
    });
  });

  it.each(['intermediate-retained', 'frozen-retention'] as const)(
    'QA-01 refuses %s without the retention sample it concerns',
    (kind) => {
      expect(refusal(() => requireExceptionEvidence(kind, {})).code).toBe('QA-01');
      expect(() => requireExceptionEvidence(kind, { sampleId: 's-1' })).not.toThrow();
    },
  );

  it('QA-01 needs nothing but the rationale for scarce donor material not retained', () => {
    expect(() => requireExceptionEvidence('donor-material-not-retained', {})).not.toThrow();
  });
});

describe('labelPhotoRefusal', () => {
  it('QA-01 refuses an empty photo and one over 2 MiB', () => {
    expect(labelPhotoRefusal('image/png', Buffer.alloc(0))).toBe('the photo is empty');
    const big = Buffer.concat([PNG, Buffer.alloc(LABEL_PHOTO_MAX_BYTES)]);
    expect(labelPhotoRefusal('image/png', big)).toMatch(/more than 2097152/);
  });
});

describe('requireExceptionSample', () => {
  it('QA-01 refuses an intermediate-retained exception naming an unknown sample', () => {
    expect(
      refusal(() => requireExceptionSample('intermediate-retained', DONOR, 's-9', undefined)).code,
    ).toBe('QA-01');
  });

  it("QA-01 refuses another journey's sample, a QC sample, or a sample of the wrong subject", () => {
    const wrong = [
      sample({ subject: 'intermediate', donorCode: 'D-OTHER' }),
      sample({ subject: 'intermediate', purpose: 'qc' }),
      sample({ subject: 'final-product' }),
    ];
    for (const s of wrong)
      expect(
        refusal(() => requireExceptionSample('intermediate-retained', DONOR, 's-1', s)).code,
      ).toBe('QA-01');
  });

  it("QA-01 accepts the journey's intermediate retention sample, and a frozen product sample", () => {
    expect(() =>
      requireExceptionSample(
        'intermediate-retained',
        DONOR,
        's-1',
        sample({ subject: 'intermediate' }),
      ),
    ).not.toThrow();
    expect(() =>
      requireExceptionSample(
        'frozen-retention',
        DONOR,
        's-1',
        sample({ subject: 'final-product' }),
      ),
    ).not.toThrow();
  });
});

describe('retentionStanding', () => {
  it('QA-01 opens QA-01.1 and QA-01.3 for a journey with nothing retained', () => {
    const standing = retentionStanding(DONOR, [], []);
    expect(standing).toMatchObject({ donorCode: DONOR, settled: false });
    expect(standing.items.map((i) => i.item)).toEqual(['QA-01.1', 'QA-01.3']);
    expect(standing.items[0].message).toMatch(/donor material.*\(QA-01\.1\)$/);
  });

  it('QA-01 leaves QA-01.3 open with only the donor material retained; QC samples do not count', () => {
    const standing = retentionStanding(
      DONOR,
      [sample({}), sample({ subject: 'final-product', purpose: 'qc' })],
      [],
    );
    expect(standing.items.map((i) => i.item)).toEqual(['QA-01.3']);
  });

  it('QA-01 is settled by retention samples of donor material and final product', () => {
    const standing = retentionStanding(
      DONOR,
      [sample({}), sample({ subject: 'final-product' })],
      [],
    );
    expect(standing).toEqual({ donorCode: DONOR, settled: true, items: [] });
  });

  it('QA-01 is settled by exceptions of the matching kinds', () => {
    expect(
      retentionStanding(DONOR, [], ['donor-material-not-retained', 'product-not-retained']).settled,
    ).toBe(true);
    expect(retentionStanding(DONOR, [sample({})], ['intermediate-retained']).settled).toBe(true);
  });

  it('QA-01 is not settled by a shortened or frozen retention alone', () => {
    const standing = retentionStanding(DONOR, [], ['retention-shortened', 'frozen-retention']);
    expect(standing.items.map((i) => i.item)).toEqual(['QA-01.1', 'QA-01.3']);
  });

  it('QA-01 refuses the release gate naming every open item', () => {
    const error = refusal(() =>
      requireRetentionSettled(retentionStanding(DONOR, [sample({})], [])),
    );
    expect(error).toMatchObject({ code: 'QA-01', details: { items: ['QA-01.3'] } });
    expect(error.message).toContain('QA-01.3');
    expect(() =>
      requireRetentionSettled({ donorCode: DONOR, settled: true, items: [] }),
    ).not.toThrow();
  });
});
