import {
  assertLotConsumable,
  assertLotDecidable,
  KeyMaterialDraft,
  LotState,
  requireIvdApproval,
  requireLotNotRecalled,
  requireRiskAssessment,
} from './key-material-rules';

const today = '2026-11-25';
const assessment = {
  level: 'high',
  summary: 'genetically modifies the cells; RCL risk',
  assessedBy: 'qa.li',
  assessedOn: '2026-03-02',
} as const;
const vector: KeyMaterialDraft = {
  materialCode: 'LV-CD19',
  category: 'vector',
  riskAssessment: assessment,
};
const ivd = (ivdFields: KeyMaterialDraft['ivd']): KeyMaterialDraft => ({
  materialCode: 'IVD-TP',
  category: 'ivd-reagent',
  riskAssessment: assessment,
  ivd: ivdFields,
});
const released: LotState = {
  lotId: 'KML-1',
  status: 'released',
  inspection: { expiresOn: '2027-12-31', result: 'pass', certificateOfAnalysisChecked: true },
};
const inQuarantine: LotState = { ...released, status: 'quarantine' };

describe('key-material catalogue rules', () => {
  it('MAT-01 records a complete risk assessment', () => {
    expect(requireRiskAssessment(vector, today)).toEqual(assessment);
  });

  it('MAT-01 refuses a key material without a risk assessment', () => {
    expect(() => requireRiskAssessment({ ...vector, riskAssessment: undefined }, today)).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('missing: level, summary, assessedBy, assessedOn'),
      }),
    );
  });

  it('MAT-01 refuses a risk assessment with a blank summary and names the field', () => {
    expect(() =>
      requireRiskAssessment({ ...vector, riskAssessment: { ...assessment, summary: '  ' } }, today),
    ).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        details: expect.objectContaining({ missing: ['summary'] }),
      }),
    );
  });

  it('MAT-01 refuses a risk assessment dated after today', () => {
    expect(() =>
      requireRiskAssessment(
        { ...vector, riskAssessment: { ...assessment, assessedOn: '2026-11-26' } },
        today,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('dated 2026-11-26'),
      }),
    );
  });

  it('MAT-02 records a blood-screening-approved reagent without a justification', () => {
    expect(
      requireIvdApproval(
        ivd({ approvalStatus: 'blood-screening-approved', marker: 'HIV-1/2 Ag/Ab' }),
      ),
    ).toEqual({
      approvalStatus: 'blood-screening-approved',
      marker: 'HIV-1/2 Ag/Ab',
      justification: null,
    });
  });

  it('MAT-02 records a diagnostic-only reagent with its justification', () => {
    expect(
      requireIvdApproval(
        ivd({
          approvalStatus: 'diagnostic-only',
          marker: 'T. pallidum Ab',
          justification: 'no approved assay on the platform',
        }),
      ),
    ).toMatchObject({
      approvalStatus: 'diagnostic-only',
      justification: 'no approved assay on the platform',
    });
  });

  it.each(['diagnostic-only', 'not-approved'] as const)(
    'MAT-02 refuses a %s reagent without a justification',
    (approvalStatus) => {
      expect(() =>
        requireIvdApproval(ivd({ approvalStatus, marker: 'T. pallidum Ab', justification: ' ' })),
      ).toThrow(
        expect.objectContaining({
          code: 'MAT-02',
          message: expect.stringContaining(
            `is ${approvalStatus}, not approved for blood screening`,
          ),
        }),
      );
    },
  );

  it('MAT-02 refuses an IVD reagent without its approval status or marker', () => {
    expect(() => requireIvdApproval(ivd(undefined))).toThrow(
      expect.objectContaining({
        code: 'MAT-02',
        details: expect.objectContaining({ missing: ['approvalStatus', 'marker'] }),
      }),
    );
  });

  it('records no IVD approval for other categories and refuses one sent for them', () => {
    expect(requireIvdApproval(vector)).toBeNull();
    expect(() =>
      requireIvdApproval({
        ...vector,
        ivd: { approvalStatus: 'blood-screening-approved', marker: 'HIV' },
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('key-material lot decisions', () => {
  it('MAT-01 allows releasing a lot in quarantine that passed inspection', () => {
    expect(() => assertLotDecidable(inQuarantine, 'KML-1', 'released', today)).not.toThrow();
  });

  it('MAT-01 refuses releasing a lot whose incoming inspection failed, but allows rejecting it', () => {
    const failed: LotState = {
      ...inQuarantine,
      inspection: { ...inQuarantine.inspection, result: 'fail' },
    };
    expect(() => assertLotDecidable(failed, 'KML-1', 'released', today)).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('failed its incoming inspection'),
      }),
    );
    expect(() => assertLotDecidable(failed, 'KML-1', 'rejected', today)).not.toThrow();
  });

  it('MAT-01 refuses releasing a lot whose certificate of analysis was not checked', () => {
    const unchecked: LotState = {
      ...inQuarantine,
      inspection: { ...inQuarantine.inspection, certificateOfAnalysisChecked: false },
    };
    expect(() => assertLotDecidable(unchecked, 'KML-1', 'released', today)).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('certificate of analysis was not checked'),
      }),
    );
  });

  it('MAT-01 refuses releasing an expired lot', () => {
    const expired: LotState = {
      ...inQuarantine,
      inspection: { ...inQuarantine.inspection, expiresOn: '2026-11-24' },
    };
    expect(() => assertLotDecidable(expired, 'KML-1', 'released', today)).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('expired on 2026-11-24'),
      }),
    );
  });

  it('MAT-01 refuses a second decision on a lot', () => {
    expect(() => assertLotDecidable(released, 'KML-1', 'rejected', today)).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('already released'),
      }),
    );
  });

  it('answers NOT_FOUND for a decision on an unknown lot', () => {
    expect(() => assertLotDecidable(undefined, 'KML-404', 'released', today)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('key-material consumption', () => {
  it('MAT-01 allows consuming a released lot up to and on its expiry date', () => {
    expect(() => assertLotConsumable(released, 'KML-1', today)).not.toThrow();
    expect(() => assertLotConsumable(released, 'KML-1', '2027-12-31')).not.toThrow();
  });

  it('MAT-01 refuses consumption of an unknown lot', () => {
    expect(() => assertLotConsumable(undefined, 'KML-404', today)).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('KML-404 cannot be consumed: unknown lot'),
      }),
    );
  });

  it('MAT-01 refuses consumption of a lot in quarantine', () => {
    expect(() => assertLotConsumable(inQuarantine, 'KML-1', today)).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('in quarantine'),
      }),
    );
  });

  it('MAT-01 refuses consumption of a rejected lot', () => {
    expect(() => assertLotConsumable({ ...released, status: 'rejected' }, 'KML-1', today)).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('rejected by QA'),
      }),
    );
  });

  it('MAT-01 refuses consumption of a lot the day after its expiry and names the date', () => {
    expect(() => assertLotConsumable(released, 'KML-1', '2028-01-01')).toThrow(
      expect.objectContaining({
        code: 'MAT-01',
        message: expect.stringContaining('expired on 2027-12-31'),
        details: expect.objectContaining({ expiresOn: '2027-12-31' }),
      }),
    );
  });
});

describe('a recalled key-material lot (QA-04)', () => {
  const recall = {
    recallId: '7d0c6a52-3f9e-4b8a-9d61-2c4f8e1b5a70',
    classification: 'II',
    reason: 'supplier notice: endotoxin above its limit on retest',
    decidedAt: '2026-11-24T09:00:00.000Z',
  };

  it('QA-04 refuses consumption of a lot a signed recall names, naming the recall', () => {
    let refusal: unknown;
    try {
      requireLotNotRecalled('KML-1', [recall]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: 'QA-04',
      details: { lotId: 'KML-1', recalls: [recall.recallId] },
    });
    expect((refusal as Error).message).toMatch(
      /^key-material lot KML-1 cannot be consumed: it is recalled by recall 7d0c6a52-.* \(class II, 2026-11-24T09:00:00.000Z: supplier notice: endotoxin above its limit on retest\).*\(QA-04\)$/,
    );
  });

  it('QA-04 names every recall of the lot', () => {
    const second = { ...recall, recallId: 'a1b2c3d4-0000-4000-8000-000000000001' };
    expect(() => requireLotNotRecalled('KML-1', [recall, second])).toThrow(
      new RegExp(`${recall.recallId}.*; recall ${second.recallId}`),
    );
  });

  it('QA-04 lets a lot no recall names be consumed', () => {
    expect(() => requireLotNotRecalled('KML-1', [])).not.toThrow();
  });
});
