import { assessmentProblems, assertTrainedFor } from './training-rules';

const operator = { username: 'op', role: 'operator' };
const hospital = { username: 'nurse', role: 'hospital' };

describe('training matrix', () => {
  it('PER-01 allows an operation with a current training record', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'startProduction', trainedOn: '2025-01-01', expiresOn: '2026-11-25' }],
        '2026-11-25',
      ),
    ).not.toThrow();
  });

  it('PER-01 refuses an operation whose training expired', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'startProduction', trainedOn: '2025-01-01', expiresOn: '2026-11-24' }],
        '2026-11-25',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'PER-01',
        message: expect.stringContaining('expired on 2026-11-24'),
      }),
    );
  });

  it('PER-01 refuses an operation without any training record for it', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'completeProduction', trainedOn: '2025-01-01', expiresOn: '2030-01-01' }],
        '2026-11-25',
      ),
    ).toThrow(expect.objectContaining({ code: 'PER-01' }));
  });

  it('PER-01 refuses an operation whose training record is valid only from a later date', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'startProduction', trainedOn: '2026-12-01', expiresOn: '2028-12-01' }],
        '2026-11-25',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'PER-01',
        message: expect.stringContaining('valid only from 2026-12-01'),
      }),
    );
  });

  it('PER-01 allows an operation from the first day of its training record', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'startProduction', trainedOn: '2026-11-25', expiresOn: '2028-11-25' }],
        '2026-11-25',
      ),
    ).not.toThrow();
  });

  it.each(['recordCollection', 'recordInfusion'] as const)(
    'OTH-02 refuses untrained hospital staff signing %s',
    (step) => {
      expect(() => assertTrainedFor(hospital, step, [], '2026-11-25')).toThrow(
        expect.objectContaining({ code: 'OTH-02' }),
      );
    },
  );

  const infusion = {
    operation: 'recordInfusion',
    trainedOn: '2025-01-01',
    expiresOn: '2027-12-31',
  };

  it('OTH-02 allows trained hospital staff with a passed assessment to sign the infusion', () => {
    expect(() =>
      assertTrainedFor(
        hospital,
        'recordInfusion',
        [{ ...infusion, assessment: { result: 'passed' } }],
        '2026-11-25',
      ),
    ).not.toThrow();
  });

  it.each([null, { result: 'failed' as const }])(
    'OTH-02 refuses a current hospital record for the infusion with assessment %j',
    (assessment) => {
      expect(() =>
        assertTrainedFor(hospital, 'recordInfusion', [{ ...infusion, assessment }], '2026-11-25'),
      ).toThrow(
        expect.objectContaining({
          code: 'OTH-02',
          message: "nurse's training for recordInfusion has no passed assessment (OTH-02)",
        }),
      );
    },
  );

  it('OTH-02 asks no assessment of records outside the hospital-signed steps', () => {
    const screening = { ...infusion, operation: 'recordDonorScreening' };
    expect(() =>
      assertTrainedFor(hospital, 'recordDonorScreening', [screening], '2026-11-25'),
    ).not.toThrow();
  });
});

describe('training assessment', () => {
  const record = {
    username: 'nurse',
    role: 'hospital',
    operation: 'recordCollection',
    validFrom: '2026-11-01',
  };
  const passed = {
    method: 'practical' as const,
    result: 'passed' as const,
    assessor: 'senior-nurse',
    assessedOn: '2026-11-02',
  };
  const paths = (r: Parameters<typeof assessmentProblems>[0]) =>
    assessmentProblems(r, '2026-11-25').map((p) => p.path);

  it('OTH-02 accepts a passed assessment by another user between training and today', () => {
    expect(paths({ ...record, assessment: passed })).toEqual([]);
  });

  it('OTH-02 requires an assessment on a hospital-signed step', () => {
    expect(paths(record)).toEqual(['assessment']);
  });

  it('OTH-02 refuses a failed assessment', () => {
    expect(paths({ ...record, assessment: { ...passed, result: 'failed' } })).toEqual([
      'assessment.result',
    ]);
  });

  it('OTH-02 refuses an assessment by the assessed user', () => {
    expect(paths({ ...record, assessment: { ...passed, assessor: 'nurse' } })).toEqual([
      'assessment.assessor',
    ]);
  });

  it.each(['2026-11-26', '2026-10-31'])('OTH-02 refuses an assessment dated %s', (assessedOn) => {
    expect(paths({ ...record, assessment: { ...passed, assessedOn } })).toEqual([
      'assessment.assessedOn',
    ]);
  });

  it('OTH-02 refuses an assessment on a record of another step or role', () => {
    expect(paths({ ...record, role: 'operator', assessment: passed })).toEqual(['assessment']);
  });
});
