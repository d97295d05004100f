import { processDefinitionContentSchema } from '@v2v/contracts';
import { DEMO_PROCESS_CART_CD19 } from '@v2v/testing';
import type { ProcessDefinitionContent, ProcessStep } from '@v2v/contracts';
import {
  requireCellCountParameter,
  requireCompleteValidationDecision,
  requireStepGradesFitOperation,
  requireValidatedProcess,
} from './process-rules';

const step = (overrides: Partial<ProcessStep>): ProcessStep => ({
  stepId: 'FILL',
  name: 'Fill',
  operationType: 'closed',
  grade: 'D',
  equipmentClass: 'isolator',
  cellCulture: false,
  plannedDurationHours: 2,
  parameters: [
    { parameterId: 'TOTAL-CELLS', name: 'Total viable cells', unit: 'cells', min: 1e8, max: 5e9 },
  ],
  containers: { beforeUse: ['infusion bag'], afterFilling: ['infusion bag'] },
  consumables: [],
  transferOut: null,
  producesPositiveWaste: false,
  ...overrides,
});
const content = (overrides: Partial<ProcessDefinitionContent> = {}): ProcessDefinitionContent => ({
  name: 'CAR-T',
  steps: [step({ stepId: 'SELECTION', parameters: [] }), step({})],
  cellCountParameter: 'TOTAL-CELLS',
  ...overrides,
});
const what = { productCode: 'CART-CD19', processVersion: 1 };
const validation = (
  status: 'validated' | 'concurrent-validation' | 'not-validated' | 'withdrawn',
) => ({ ...what, status });

describe('process definition rules', () => {
  it('PRD-01 returns the cell-count parameter of the last step', () => {
    expect(requireCellCountParameter(content())).toBe('TOTAL-CELLS');
  });

  it('PRD-01 refuses a definition without a cell-count parameter', () => {
    expect(() => requireCellCountParameter(content({ cellCountParameter: undefined }))).toThrow(
      expect.objectContaining({
        code: 'PRD-01',
        message: expect.stringContaining('batch size is the total cell count (PRD-01)'),
      }),
    );
  });

  it('PRD-01 refuses a cell-count parameter that is not on the last step', () => {
    const steps = [step({}), step({ stepId: 'RELEASE', parameters: [] })];
    expect(() => requireCellCountParameter(content({ steps }))).toThrow(
      expect.objectContaining({
        code: 'PRD-01',
        message: expect.stringContaining('not a parameter of the last step RELEASE'),
      }),
    );
  });

  it('FAC-02 refuses an open step declared at grade D, naming why', () => {
    const steps = [step({ stepId: 'ACTIVATION', operationType: 'open', grade: 'D' }), step({})];
    expect(() => requireStepGradesFitOperation(content({ steps }))).toThrow(
      expect.objectContaining({
        code: 'FAC-02',
        message: expect.stringContaining(
          'ACTIVATION declared at grade D: §6(4) allows grade D only for closed systems',
        ),
      }),
    );
  });

  it('FAC-02 accepts open steps at C or above and closed steps at any grade', () => {
    const steps = [
      step({ operationType: 'open', grade: 'C' }),
      step({ stepId: 'X', operationType: 'closed', grade: 'A-in-B' }),
    ];
    expect(() => requireStepGradesFitOperation(content({ steps }))).not.toThrow();
  });
});

describe('process validation rules', () => {
  it('PRD-03 lets a commercial batch run on a validated version', () => {
    expect(requireValidatedProcess(validation('validated'), 'commercial', what)).toBe('validated');
  });

  it('PRD-03 lets a commercial batch run under concurrent validation and says so', () => {
    expect(requireValidatedProcess(validation('concurrent-validation'), 'commercial', what)).toBe(
      'concurrent-validation',
    );
  });

  it('PRD-03 refuses a commercial batch on a version not validated, naming the status', () => {
    expect(() => requireValidatedProcess(validation('not-validated'), 'commercial', what)).toThrow(
      expect.objectContaining({
        code: 'PRD-03',
        message: expect.stringContaining('CART-CD19 v1 is not-validated'),
      }),
    );
    expect(() => requireValidatedProcess(null, 'commercial', what)).toThrow(
      expect.objectContaining({
        code: 'PRD-03',
        message: expect.stringContaining('no decision recorded'),
      }),
    );
  });

  it('PRD-03 lets a process-validation batch run on a version not yet validated, never on a withdrawn one', () => {
    expect(requireValidatedProcess(null, 'process-validation', what)).toBe('none');
    expect(() =>
      requireValidatedProcess(validation('withdrawn'), 'process-validation', what),
    ).toThrow(
      expect.objectContaining({ code: 'PRD-03', message: expect.stringContaining('withdrawn') }),
    );
  });

  it('PRD-03 requires a worst case of a version that may run and a rationale of a concurrent validation', () => {
    expect(() =>
      requireCompleteValidationDecision({
        status: 'concurrent-validation',
        reportReference: 'PV-1',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: {
          fieldErrors: [
            { path: 'worstCase', message: expect.any(String) },
            { path: 'rationale', message: expect.any(String) },
          ],
        },
      }),
    );
    expect(() =>
      requireCompleteValidationDecision({ status: 'withdrawn', reportReference: 'PV-1' }),
    ).not.toThrow();
  });
});

describe('the demo process (seeded)', () => {
  it('PRD-01 FAC-02 the seeded CART-CD19 definition is well formed and passes both rules', () => {
    const parsed = processDefinitionContentSchema.parse(DEMO_PROCESS_CART_CD19);
    expect(requireCellCountParameter(parsed)).toBe('TOTAL-VIABLE-CELLS');
    expect(() => requireStepGradesFitOperation(parsed)).not.toThrow();
  });
});
