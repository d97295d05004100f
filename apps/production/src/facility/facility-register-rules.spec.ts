import { DomainError } from '@v2v/contracts';
import type { Equipment, ProductionArea } from './facility';
import {
  requireAreaSeparation,
  requireEquipmentShape,
  requireIntegrityCheckRecordable,
  requirePressureForPurpose,
  requireSomeChange,
} from './facility-register-rules';

const area = (areaCode: string, purpose: ProductionArea['purpose']): ProductionArea => ({
  areaCode,
  name: areaCode,
  purpose,
  airHandlingSystem: 'AHU-9',
  pressureRegime: purpose === 'positive-material' ? 'negative' : 'positive',
  active: true,
});

const refusal = (fn: () => void) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    const error = e as DomainError;
    return { code: error.code, message: error.message, details: error.details };
  }
};

describe('AREA_SEPARATION air-handling systems and pressure of §6(1)–(2)', () => {
  const candidate = (purpose: ProductionArea['purpose']) => ({
    areaCode: 'NEW-1',
    purpose,
    airHandlingSystem: 'AHU-9',
  });

  it('AREA_SEPARATION allows cell-product areas to share a system, and any area alone on one', () => {
    expect(refusal(() => requireAreaSeparation(candidate('cell-product'), []))).toBeUndefined();
    expect(refusal(() => requireAreaSeparation(candidate('vector'), []))).toBeUndefined();
    expect(
      refusal(() =>
        requireAreaSeparation(candidate('cell-product'), [area('CP-8', 'cell-product')]),
      ),
    ).toBeUndefined();
  });

  it('AREA_SEPARATION refuses a vector area on a system that already serves another area', () => {
    expect(
      refusal(() => requireAreaSeparation(candidate('vector'), [area('CP-8', 'cell-product')])),
    ).toEqual({
      code: 'AREA_SEPARATION',
      message:
        'a vector area needs an air-handling system of its own; AHU-9 already serves CP-8 (cell-product) (AREA_SEPARATION)',
      details: { airHandlingSystem: 'AHU-9', servedAreas: ['CP-8'] },
    });
  });

  it('AREA_SEPARATION refuses any area on the system of a positive-material area', () => {
    expect(
      refusal(() =>
        requireAreaSeparation(candidate('cell-product'), [area('POS-8', 'positive-material')]),
      )?.message,
    ).toBe(
      'air-handling system AHU-9 is dedicated to POS-8 (positive-material); area NEW-1 needs another (AREA_SEPARATION)',
    );
  });

  it('AREA_SEPARATION does not count the area itself as sharing its system', () => {
    expect(
      refusal(() => requireAreaSeparation(candidate('vector'), [area('NEW-1', 'vector')])),
    ).toBeUndefined();
  });

  it('AREA_SEPARATION refuses a positive-material area at positive pressure', () => {
    expect(
      refusal(() => requirePressureForPurpose('POS-8', 'positive-material', 'positive')),
    ).toMatchObject({
      code: 'AREA_SEPARATION',
      message:
        'positive-material area POS-8 must be at negative pressure, not positive (AREA_SEPARATION)',
    });
    expect(
      refusal(() => requirePressureForPurpose('POS-8', 'positive-material', 'negative')),
    ).toBeUndefined();
    expect(
      refusal(() => requirePressureForPurpose('CP-8', 'cell-product', 'negative')),
    ).toBeUndefined();
  });
});

describe('equipment described as its class needs (FAC-01, §9(5)6)', () => {
  const fields = (e: Parameters<typeof requireEquipmentShape>[0]) =>
    (
      refusal(() => requireEquipmentShape(e))?.details as
        { fieldErrors: Array<{ path: string }> } | undefined
    )?.fieldErrors.map((f) => f.path) ?? [];

  it('FAC-01 needs an integrity-check interval for an isolator and refuses one for a cabinet', () => {
    expect(fields({ equipmentClass: 'isolator' })).toEqual(['integrityCheckIntervalDays']);
    expect(fields({ equipmentClass: 'isolator', integrityCheckIntervalDays: 30 })).toEqual([]);
    expect(fields({ equipmentClass: 'biosafety-cabinet', integrityCheckIntervalDays: 30 })).toEqual(
      ['integrityCheckIntervalDays'],
    );
  });

  it('needs a separation for an incubator and compartments exactly when it is compartmented', () => {
    expect(fields({ equipmentClass: 'incubator' })).toEqual(['incubatorSeparation']);
    expect(fields({ equipmentClass: 'incubator', incubatorSeparation: 'compartmented' })).toEqual([
      'compartments',
    ]);
    expect(
      fields({ equipmentClass: 'incubator', incubatorSeparation: 'shared', compartments: 4 }),
    ).toEqual(['compartments']);
    expect(
      fields({
        equipmentClass: 'incubator',
        incubatorSeparation: 'compartmented',
        compartments: 4,
      }),
    ).toEqual([]);
    expect(fields({ equipmentClass: 'general', incubatorSeparation: 'shared' })).toEqual([
      'incubatorSeparation',
    ]);
  });

  it('refuses a change that names nothing but its reason', () => {
    expect(refusal(() => requireSomeChange({ reason: 'why' }, 'room R-1'))?.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(refusal(() => requireSomeChange({ reason: 'why', active: false }, 'room R-1'))).toBe(
      undefined,
    );
  });
});

describe('FAC-01 integrity checks as they are recorded', () => {
  const now = new Date('2026-12-01T08:00:00Z');
  const registeredAt = new Date('2026-11-01T08:00:00Z');
  const equipment = (equipmentClass: Equipment['equipmentClass']): Equipment => ({
    equipmentCode: 'ISO-9',
    roomCode: 'R-9',
    name: 'Isolator 9',
    equipmentClass,
    integrityCheckIntervalDays: 30,
    incubatorSeparation: null,
    compartments: null,
    active: true,
    lastPassedIntegrityCheckAt: null,
    lastIntegrityCheckFailedAt: null,
  });
  const check = (e: Equipment, checkedAt: string) =>
    refusal(() => requireIntegrityCheckRecordable(e, registeredAt, new Date(checkedAt), now));

  it('FAC-01 records a check of an isolator or closed system made now or a little ahead', () => {
    expect(check(equipment('isolator'), '2026-12-01T08:00:00Z')).toBeUndefined();
    expect(check(equipment('closed-system'), '2026-12-01T08:04:00Z')).toBeUndefined();
  });

  it('FAC-01 refuses a check of a biosafety cabinet, which has no schedule', () => {
    expect(check(equipment('biosafety-cabinet'), '2026-12-01T07:00:00Z')).toMatchObject({
      code: 'FAC-01',
      message: expect.stringContaining('only isolators and closed systems are checked (FAC-01)'),
    });
  });

  it('FAC-01 refuses a check dated in the future or before the equipment was registered', () => {
    expect(check(equipment('isolator'), '2026-12-01T08:06:00Z')).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fieldErrors: [{ path: 'checkedAt' }] },
    });
    expect(check(equipment('isolator'), '2026-10-31T08:00:00Z')).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fieldErrors: [{ path: 'checkedAt' }] },
    });
  });
});
