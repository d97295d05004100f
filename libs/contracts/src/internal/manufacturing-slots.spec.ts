import { lineRegistrationSchema } from './facility';
import { manufacturingCapacityQuerySchema } from './manufacturing-slots';
import { processDefinitionContentSchema } from './processes';

const content = {
  name: 'A process',
  steps: [
    {
      stepId: 'FILL',
      name: 'Fill',
      operationType: 'closed',
      grade: 'D',
      equipmentClass: 'isolator',
      cellCulture: false,
      plannedDurationHours: 2,
      parameters: [],
      containers: { beforeUse: [], afterFilling: [] },
      consumables: [],
      transferOut: null,
      producesPositiveWaste: false,
    },
  ],
};
const paths = (result: { error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.error?.issues.map((i) => i.path.join('.'));

describe('the manufacturing-slot fields of the contracts', () => {
  it('a process may name its lines, each once, and its release testing days up to 90', () => {
    const ok = { ...content, lineCodes: ['L1', 'L2'], releaseTestingDays: 7 };
    expect(processDefinitionContentSchema.safeParse(ok).success).toBe(true);
    expect(processDefinitionContentSchema.safeParse(content).success).toBe(true);
    const bad = processDefinitionContentSchema.safeParse({
      ...content,
      lineCodes: ['L1', 'L1', 'l3'],
      releaseTestingDays: 91,
    });
    expect(paths(bad)?.sort()).toEqual(['lineCodes.1', 'lineCodes.2', 'releaseTestingDays']);
    expect(
      paths(processDefinitionContentSchema.safeParse({ ...content, lineCodes: ['L1', 'L1'] })),
    ).toEqual(['lineCodes.1']);
    expect(paths(processDefinitionContentSchema.safeParse({ ...content, lineCodes: [] }))).toEqual([
      'lineCodes',
    ]);
  });

  it('a line carries 1 to 500 batches, one when not declared', () => {
    const line = { lineCode: 'L9', areaCode: 'CP-1', name: 'Line 9' };
    expect(lineRegistrationSchema.parse(line).batchCapacity).toBeUndefined();
    expect(lineRegistrationSchema.parse({ ...line, batchCapacity: 500 }).batchCapacity).toBe(500);
    expect(paths(lineRegistrationSchema.safeParse({ ...line, batchCapacity: 0 }))).toEqual([
      'batchCapacity',
    ]);
  });

  it('the capacity query takes a day, 1 to 62 days (14 by default) and a product', () => {
    expect(
      manufacturingCapacityQuerySchema.parse({ from: '2030-01-01', productCode: 'CART-CD19' }),
    ).toEqual({ from: '2030-01-01', days: 14, productCode: 'CART-CD19' });
    expect(
      paths(
        manufacturingCapacityQuerySchema.safeParse({
          from: '2030-13-01',
          days: '63',
          productCode: 'CART-CD19',
        }),
      ),
    ).toEqual(['from', 'days']);
  });
});
