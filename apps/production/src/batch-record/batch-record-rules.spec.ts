import { DomainError, formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import {
  BatchStepDefinition,
  judgeContainerInspections,
  judgeParameters,
  judgeTransfer,
  requireConsumablesByLot,
  requireDecontaminated,
  requireLabelConfirmed,
  requireLabelsConfirmed,
  requireWasteInactivated,
} from './batch-record-rules';

const fill: BatchStepDefinition = {
  stepId: 'FILL',
  parameters: [
    { parameterId: 'TOTAL-CELLS', name: 'Total viable cells', unit: 'cells', min: 1e8, max: 5e9 },
    { parameterId: 'VIABILITY', name: 'Viability', unit: '%', min: 80, max: 100 },
  ],
  containers: { beforeUse: ['infusion bag'], afterFilling: ['infusion bag'] },
  consumables: [{ materialCode: 'BAG-CRYO', singleUse: true }],
  transferOut: { maxMinutes: 30, minTemperatureC: 2, maxTemperatureC: 8 },
  producesPositiveWaste: true,
};

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'allowed';
};

describe('PRD-06 labels in the batch record', () => {
  const code = (sequence: number) =>
    formatDonorCode(generateDonorUniqueCode({ facility: 'A9999', year: 26, sequence }));
  const donorCode = code(42);
  const label = {
    labelId: 'B-2026-000001-FILL-1',
    container: 'infusion bag',
    content: `${donorCode}|B-2026-000001|FILL|1`,
  };

  it('PRD-06 refuses a label confirmation that reads back another label', () => {
    const other = `${donorCode}|B-2026-000002|FILL|1`;
    expect(refusal(() => requireLabelConfirmed(label, other))).toBe('PRD-06');
    expect(refusal(() => requireLabelConfirmed(label, label.content))).toBe('allowed');
  });

  it('PRD-06 refuses a step whose generated label has no confirmation scan', () => {
    expect(refusal(() => requireLabelsConfirmed([label], []))).toBe('PRD-06');
    const wrong = [{ labelId: label.labelId, scan: label.labelId }];
    expect(refusal(() => requireLabelsConfirmed([label], wrong))).toBe('PRD-06');
    const right = [{ labelId: label.labelId, scan: label.content }];
    expect(refusal(() => requireLabelsConfirmed([label], right))).toBe('allowed');
  });
});

describe('PRD-01 parameters of one set of conditions', () => {
  it('PRD-01 refuses a step with a parameter missing or one not in the definition', () => {
    expect(refusal(() => judgeParameters(fill, [{ parameterId: 'VIABILITY', value: 92 }]))).toBe(
      'PRD-01',
    );
    expect(
      refusal(() =>
        judgeParameters(fill, [
          { parameterId: 'TOTAL-CELLS', value: 2e9 },
          { parameterId: 'VIABILITY', value: 92 },
          { parameterId: 'RPM', value: 300 },
        ]),
      ),
    ).toBe('PRD-01');
  });

  it('PRD-01 records a value outside its range as a deviation, not a refusal', () => {
    const deviations = judgeParameters(fill, [
      { parameterId: 'TOTAL-CELLS', value: 2e9 },
      { parameterId: 'VIABILITY', value: 71 },
    ]);
    expect(deviations).toEqual([
      { rule: 'PRD-01', message: expect.stringMatching(/Viability 71 % outside 80–100 %/) },
    ]);
  });
});

describe('PRD-07 container inspections', () => {
  it('PRD-07 refuses a step whose container was not inspected right after filling', () => {
    expect(
      refusal(() =>
        judgeContainerInspections(fill, [
          { container: 'infusion bag', phase: 'before-use', intact: true },
        ]),
      ),
    ).toBe('PRD-07');
  });

  it('PRD-07 records a damaged container as a deviation', () => {
    const deviations = judgeContainerInspections(fill, [
      { container: 'infusion bag', phase: 'before-use', intact: true },
      { container: 'infusion bag', phase: 'after-filling', intact: false, note: 'seam leak' },
    ]);
    expect(deviations).toEqual([
      { rule: 'PRD-07', message: expect.stringMatching(/after-filling in step FILL: seam leak/) },
    ]);
  });
});

describe('PRD-08 consumables, transfers and waste', () => {
  it('PRD-08 refuses a consumable recorded without its lot', () => {
    expect(refusal(() => requireConsumablesByLot(fill, []))).toBe('PRD-08');
    expect(
      refusal(() => requireConsumablesByLot(fill, [{ materialCode: 'BAG-CRYO', lotId: ' ' }])),
    ).toBe('PRD-08');
    expect(
      refusal(() => requireConsumablesByLot(fill, [{ materialCode: 'BAG-CRYO', lotId: 'KML-1' }])),
    ).toBe('allowed');
  });

  it('PRD-08 requires the transfer the step defines, and GEN-01 flags one over its limits', () => {
    expect(refusal(() => judgeTransfer(fill, undefined))).toBe('PRD-08');
    const within = {
      departedAt: '2026-12-01T10:00:00Z',
      arrivedAt: '2026-12-01T10:20:00Z',
      minObservedTemperatureC: 3,
      maxObservedTemperatureC: 6,
    };
    expect(judgeTransfer(fill, within)).toEqual([]);
    const late = { ...within, arrivedAt: '2026-12-01T10:45:00Z', maxObservedTemperatureC: 11 };
    expect(judgeTransfer(fill, late).map((d) => d.rule)).toEqual(['GEN-01', 'GEN-01']);
  });

  it('PRD-08 refuses to end a step with positive waste before its inactivation is recorded', () => {
    expect(refusal(() => requireWasteInactivated(fill, true, undefined))).toBe('PRD-08');
    expect(refusal(() => requireWasteInactivated(fill, false, undefined))).toBe('allowed');
    const recorded = { method: 'autoclave 121 °C 30 min', completedAt: '2026-12-01T11:00:00Z' };
    expect(refusal(() => requireWasteInactivated(fill, true, recorded))).toBe('allowed');
  });
});

describe('PER-02 decontamination between areas', () => {
  const vectorWork = {
    areaCode: 'VEC-1',
    reason: 'vector-area' as const,
    startedAt: '2026-12-01T07:00:00Z',
    endedAt: '2026-12-01T09:00:00Z' as string | null,
  };

  it('PER-02 refuses a person from the vector area without a later decontamination', () => {
    expect(
      refusal(() =>
        requireDecontaminated({
          userId: 'op.wang',
          areaCode: 'CP-1',
          lastHazardousWork: vectorWork,
          lastDecontaminationAt: '2026-12-01T08:00:00Z',
        }),
      ),
    ).toBe('PER-02');
  });

  it('PER-02 allows the same person after a decontamination, or back in the same area', () => {
    expect(
      refusal(() =>
        requireDecontaminated({
          userId: 'op.wang',
          areaCode: 'CP-1',
          lastHazardousWork: vectorWork,
          lastDecontaminationAt: '2026-12-01T09:30:00Z',
        }),
      ),
    ).toBe('allowed');
    expect(
      refusal(() =>
        requireDecontaminated({
          userId: 'op.wang',
          areaCode: 'VEC-1',
          lastHazardousWork: vectorWork,
          lastDecontaminationAt: undefined,
        }),
      ),
    ).toBe('allowed');
  });

  it('PER-02 refuses a person whose step in the vector area is started and not completed, even decontaminated', () => {
    const inProgress = { ...vectorWork, endedAt: null };
    expect(() =>
      requireDecontaminated({
        userId: 'op.wang',
        areaCode: 'CP-1',
        lastHazardousWork: inProgress,
        lastDecontaminationAt: '2026-12-01T09:30:00Z',
      }),
    ).toThrow(
      'op.wang is still at work in vector area VEC-1 (a step started at 2026-12-01T07:00:00Z is not completed); complete it and record a decontamination before work in area CP-1 (PER-02)',
    );
    expect(
      refusal(() =>
        requireDecontaminated({
          userId: 'op.wang',
          areaCode: 'VEC-1',
          lastHazardousWork: inProgress,
          lastDecontaminationAt: undefined,
        }),
      ),
    ).toBe('allowed');
  });
});
