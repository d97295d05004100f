import type { ProcessDefinitionContent } from '@v2v/contracts';

const noContainers = { beforeUse: [], afterFilling: [] };

/**
 * The demo process of CART-CD19 specification v1 (seeded as process v1 by
 * `tools/platform/demo-processes.seeder.ts`): closed selection at D, open activation and
 * transduction in an A-in-B biosafety cabinet, closed expansion in an incubator, closed
 * harvest and formulation at D, and the fill in an isolator at D, whose total viable cell count
 * is the batch size (PRD-01). It runs on the CP-1 lines and, for material with a positive
 * marker, on POS-1's line (DON-05), and ships 7 days after manufacturing (release testing).
 * A database seeded before these two fields keeps its stored v1 (a published definition never
 * changes): without them the process runs on every active line and plans no shipment day.
 */
export const DEMO_PROCESS_CART_CD19: ProcessDefinitionContent = {
  name: 'CAR-T CD19 autologous process',
  cellCountParameter: 'TOTAL-VIABLE-CELLS',
  lineCodes: ['L1', 'L2', 'LP1'],
  releaseTestingDays: 7,
  steps: [
    {
      stepId: 'T-CELL-SELECTION',
      name: 'T-cell selection on a closed system',
      operationType: 'closed',
      grade: 'D',
      equipmentClass: 'closed-system',
      cellCulture: false,
      plannedDurationHours: 4,
      parameters: [
        { parameterId: 'CD3-PURITY', name: 'CD3+ purity', unit: '%', min: 80, max: 100 },
      ],
      containers: { beforeUse: ['apheresis bag'], afterFilling: ['selection bag'] },
      consumables: [{ materialCode: 'SUS-TS520', singleUse: true }],
      transferOut: { maxMinutes: 30, minTemperatureC: 15, maxTemperatureC: 25 },
      producesPositiveWaste: false,
    },
    {
      stepId: 'ACTIVATION-TRANSDUCTION',
      name: 'Activation and lentiviral transduction',
      operationType: 'open',
      grade: 'A-in-B',
      equipmentClass: 'biosafety-cabinet',
      cellCulture: false,
      plannedDurationHours: 6,
      parameters: [
        { parameterId: 'MOI', name: 'Multiplicity of infection', unit: 'TU/cell', min: 1, max: 10 },
      ],
      containers: { beforeUse: ['culture bag'], afterFilling: ['culture bag'] },
      consumables: [
        { materialCode: 'LV-CD19-BBZ', singleUse: false },
        { materialCode: 'IL2-RH', singleUse: false },
      ],
      transferOut: { maxMinutes: 20, minTemperatureC: 20, maxTemperatureC: 37 },
      producesPositiveWaste: false,
    },
    {
      stepId: 'EXPANSION',
      name: 'Expansion in a closed culture bag',
      operationType: 'closed',
      grade: 'D',
      equipmentClass: 'incubator',
      cellCulture: true,
      plannedDurationHours: 168,
      parameters: [
        {
          parameterId: 'INCUBATOR-TEMP',
          name: 'Incubator temperature',
          unit: '°C',
          min: 36.5,
          max: 37.5,
        },
        { parameterId: 'CO2', name: 'CO2', unit: '%', min: 4.5, max: 5.5 },
      ],
      containers: noContainers,
      consumables: [{ materialCode: 'SERUM-HAB', singleUse: false }],
      transferOut: { maxMinutes: 30, minTemperatureC: 20, maxTemperatureC: 37 },
      producesPositiveWaste: false,
    },
    {
      stepId: 'HARVEST-FORMULATION',
      name: 'Harvest, wash and formulation',
      operationType: 'closed',
      grade: 'D',
      equipmentClass: 'closed-system',
      cellCulture: false,
      plannedDurationHours: 3,
      parameters: [{ parameterId: 'VIABILITY', name: 'Viability', unit: '%', min: 70, max: 100 }],
      containers: noContainers,
      consumables: [{ materialCode: 'SUS-TS520', singleUse: true }],
      transferOut: { maxMinutes: 30, minTemperatureC: 2, maxTemperatureC: 8 },
      producesPositiveWaste: false,
    },
    {
      stepId: 'FILL',
      name: 'Fill into infusion bags in an isolator',
      operationType: 'closed',
      grade: 'D',
      equipmentClass: 'isolator',
      cellCulture: false,
      plannedDurationHours: 2,
      parameters: [
        {
          parameterId: 'TOTAL-VIABLE-CELLS',
          name: 'Total viable cells',
          unit: 'cells',
          min: 1e8,
          max: 5e9,
        },
      ],
      containers: { beforeUse: ['infusion bag'], afterFilling: ['infusion bag'] },
      consumables: [],
      transferOut: { maxMinutes: 60, minTemperatureC: 2, maxTemperatureC: 8 },
      producesPositiveWaste: false,
    },
  ],
};

/** The seeded definition: CART-CD19 process v1 implements specification v1. */
export const DEMO_PROCESSES = [
  {
    productCode: 'CART-CD19',
    specificationVersion: 1,
    processVersion: 1,
    content: DEMO_PROCESS_CART_CD19,
  },
] as const;
