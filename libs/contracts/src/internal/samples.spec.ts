import {
  decideRetentionExceptionCommandSchema,
  journeySampleSchema,
  recordSampleCommandSchema,
  retentionExceptionDetail,
  retentionExceptionSchema,
} from './samples';

const taken = new Date(Date.now() - 3_600_000).toISOString();
const sample = {
  subject: 'donor-material',
  purpose: 'retention',
  quantity: 2,
  unit: 'mL',
  container: 'cryovial 2 mL',
  storageLocation: 'LN2-03 rack B',
  storageCondition: '≤ -150 °C vapour phase LN2',
  retentionUntil: '2031-12-31',
  takenAt: taken,
};
const actor = { userId: 'qc', role: 'qc' };

describe('sample schemas', () => {
  it('accept a retention sample of donor material', () => {
    expect(journeySampleSchema.safeParse(sample).success).toBe(true);
  });

  it('GEN-01 refuse a sample taken at an implausible instant', () => {
    const parsed = journeySampleSchema.safeParse({ ...sample, takenAt: '0000-01-01T00:00:00Z' });
    expect(parsed.success).toBe(false);
  });

  it('refuse a zero quantity, an unknown subject and a field of no sample', () => {
    for (const body of [
      { ...sample, quantity: 0 },
      { ...sample, subject: 'plasma' },
      { ...sample, expiresOn: '2030-01-01' },
    ])
      expect(journeySampleSchema.safeParse(body).success).toBe(false);
  });

  it("keep a lot's expiry in the command, never a donor code with a lot", () => {
    const lot = {
      ...sample,
      subject: 'key-material-lot',
      materialCode: 'IL2-RH',
      lotId: 'LOT-1',
      lotExpiresOn: '2027-12-31',
      eventId: crypto.randomUUID(),
      recordedBy: actor,
    };
    expect(recordSampleCommandSchema.safeParse(lot).success).toBe(true);
    expect(recordSampleCommandSchema.safeParse({ ...lot, donorCode: 'D-1' }).success).toBe(false);
    const { lotExpiresOn: _dropped, ...withoutExpiry } = lot;
    void _dropped;
    expect(recordSampleCommandSchema.safeParse(withoutExpiry).success).toBe(false);
  });
});

describe('retention exception schemas', () => {
  const body = {
    kind: 'product-not-retained',
    rationale: 'the whole batch was needed for the infusion dose',
    signature: { password: 'x' },
  };

  it('QA-01 leave the photo optional in the shape, so its absence is refused by the rule', () => {
    expect(retentionExceptionSchema.safeParse(body).success).toBe(true);
  });

  it('accept a PNG or JPEG photo as base64 and refuse another type or non-base64', () => {
    const photo = (contentType: string, base64: string) =>
      retentionExceptionSchema.safeParse({ ...body, labelPhoto: { contentType, base64 } }).success;
    expect(photo('image/png', 'iVBORw0KGgo=')).toBe(true);
    expect(photo('image/jpeg', '/9j/4AAQ')).toBe(true);
    expect(photo('image/gif', 'R0lGODlh')).toBe(false);
    expect(photo('image/png', 'not base64!')).toBe(false);
  });

  it('refuse a decision command without its sealed signature', () => {
    const command = {
      ...body,
      donorCode: 'D-1',
      eventId: crypto.randomUUID(),
      decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
    };
    const { signature: _request, ...unsigned } = command;
    void _request;
    expect(decideRetentionExceptionCommandSchema.safeParse(unsigned).success).toBe(false);
  });

  it('sign the same detail whatever optional fields were left out', () => {
    expect(
      retentionExceptionDetail(
        { donorCode: 'D-1', kind: 'frozen-retention', rationale: 'r', sampleId: undefined },
        undefined,
      ),
    ).toEqual({ donorCode: 'D-1', kind: 'frozen-retention', rationale: 'r' });
    expect(
      retentionExceptionDetail(
        { donorCode: 'D-1', kind: 'product-not-retained', rationale: 'r' },
        'ab',
      ),
    ).toEqual({
      donorCode: 'D-1',
      kind: 'product-not-retained',
      rationale: 'r',
      labelPhotoSha256: 'ab',
    });
  });
});
