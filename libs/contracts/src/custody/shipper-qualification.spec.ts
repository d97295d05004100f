import {
  assertQualifiedShipper,
  assertShipperQualificationDecision,
  ShipperQualificationDecision,
  shipperQualificationSchema,
  shipperQualificationStatus,
} from './shipper-qualification';

const q = {
  shipperId: 'SHIPPER-2-8C-01',
  carries: 'donor-material' as const,
  qualifiedUntil: '2027-06-30',
  status: 'qualified' as const,
};

describe('shipper qualification (MAT-03)', () => {
  it('MAT-03 allows a qualified, current configuration', () => {
    expect(() =>
      assertQualifiedShipper(q.shipperId, 'donor-material', q, '2026-11-25'),
    ).not.toThrow();
  });

  it('MAT-03 refuses an unknown shipper', () => {
    expect(() =>
      assertQualifiedShipper('BOX-1', 'donor-material', undefined, '2026-11-25'),
    ).toThrow(expect.objectContaining({ code: 'MAT-03' }));
  });

  it('MAT-03 refuses a shipper qualified for something else', () => {
    expect(() => assertQualifiedShipper(q.shipperId, 'product', q, '2026-11-25')).toThrow(
      expect.objectContaining({ code: 'MAT-03' }),
    );
  });

  it('MAT-03 refuses an expired qualification', () => {
    expect(() => assertQualifiedShipper(q.shipperId, 'donor-material', q, '2027-07-01')).toThrow(
      expect.objectContaining({
        code: 'MAT-03',
        message: expect.stringContaining('expired on 2027-06-30'),
      }),
    );
  });

  it('MAT-03 refuses a configuration QA withdrew, even before its date', () => {
    expect(() =>
      assertQualifiedShipper(
        q.shipperId,
        'donor-material',
        { ...q, status: 'withdrawn' },
        '2026-11-25',
      ),
    ).toThrow(
      expect.objectContaining({ code: 'MAT-03', message: expect.stringContaining('withdrawn') }),
    );
  });

  describe('qualification decisions', () => {
    const decision: ShipperQualificationDecision = {
      shipperId: 'SHIPPER-2-8C-02',
      carries: 'donor-material',
      description: 'Validated 2–8 °C passive shipper',
      evidence: {
        reportReference: 'OQ-PQ-2026-031',
        qualifiedOn: '2026-11-20',
        lane: 'hospital → factory by road',
        minTemperatureC: 2,
        maxTemperatureC: 8,
        validatedHours: 48,
      },
      qualifiedUntil: '2027-11-20',
    };

    it('MAT-03 accepts a study already done with a requalification date ahead', () => {
      expect(() => assertShipperQualificationDecision(decision, '2026-11-25')).not.toThrow();
    });

    it('MAT-03 refuses a study dated in the future, naming evidence.qualifiedOn', () => {
      expect(() =>
        assertShipperQualificationDecision(
          { ...decision, evidence: { ...decision.evidence, qualifiedOn: '2026-12-01' } },
          '2026-11-25',
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: { fieldErrors: [expect.objectContaining({ path: 'evidence.qualifiedOn' })] },
        }),
      );
    });

    it('MAT-03 refuses a requalification date that is today or past, naming qualifiedUntil', () => {
      for (const qualifiedUntil of ['2026-11-25', '2026-11-24']) {
        expect(() =>
          assertShipperQualificationDecision({ ...decision, qualifiedUntil }, '2026-11-25'),
        ).toThrow(
          expect.objectContaining({
            code: 'VALIDATION_FAILED',
            details: { fieldErrors: [expect.objectContaining({ path: 'qualifiedUntil' })] },
          }),
        );
      }
    });

    it('MAT-03 refuses an inverted temperature range, naming evidence.maxTemperatureC', () => {
      const parsed = shipperQualificationSchema.safeParse({
        ...decision,
        evidence: { ...decision.evidence, minTemperatureC: 8, maxTemperatureC: 2 },
      });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].path).toEqual(['evidence', 'maxTemperatureC']);
    });
  });

  it('MAT-03 shows a configuration as current through its requalification date, then lapsed, and withdrawn whatever its date', () => {
    expect(shipperQualificationStatus(q, '2027-06-30')).toBe('current');
    expect(shipperQualificationStatus(q, '2027-07-01')).toBe('lapsed');
    expect(shipperQualificationStatus({ ...q, status: 'withdrawn' }, '2026-11-25')).toBe(
      'withdrawn',
    );
  });
});
