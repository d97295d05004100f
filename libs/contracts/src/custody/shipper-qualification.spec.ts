import { assertQualifiedShipper } from './shipper-qualification';

const q = { shipperId: 'SHIPPER-2-8C-01', carries: 'donor-material' as const, qualifiedUntil: '2027-06-30' };

describe('shipper qualification (MAT-03)', () => {
  it('MAT-03 allows a qualified, current configuration', () => {
    expect(() => assertQualifiedShipper(q.shipperId, 'donor-material', q, '2026-11-25')).not.toThrow();
  });

  it('MAT-03 refuses an unknown shipper', () => {
    expect(() => assertQualifiedShipper('BOX-1', 'donor-material', undefined, '2026-11-25')).toThrow(expect.objectContaining({ code: 'MAT-03' }));
  });

  it('MAT-03 refuses a shipper qualified for something else', () => {
    expect(() => assertQualifiedShipper(q.shipperId, 'product', q, '2026-11-25')).toThrow(expect.objectContaining({ code: 'MAT-03' }));
  });

  it('MAT-03 refuses an expired qualification', () => {
    expect(() => assertQualifiedShipper(q.shipperId, 'donor-material', q, '2027-07-01')).toThrow(
      expect.objectContaining({ code: 'MAT-03', message: expect.stringContaining('expired on 2027-06-30') }),
    );
  });
});
