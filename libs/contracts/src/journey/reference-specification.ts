import type { ProductSpecificationContent } from './product-specification';

/**
 * Version 1 of the reference product, CART-CD19: published by the production service's
 * migration and used by the workflow tests, so both run against the same specification.
 */
export const CART_CD19_V1: ProductSpecificationContent = {
  name: 'Autologous anti-CD19 CAR-T cells',
  donorScreening: {
    requiredMarkers: ['HIV', 'HBV', 'HCV', 'syphilis'],
    excludedIfPositive: ['HIV'],
    resultsValidDays: 30,
    standards:
      'Patient eligible per protocol; HIV-1/2 Ab+Ag, HBsAg and HBV DNA, anti-HCV and HCV RNA, TPPA/RPR tested within 30 days before apheresis with blood-screening reagents. HIV-positive patients are not accepted; HBV, HCV or syphilis positive material is accepted for autologous use, flagged and segregated.',
  },
  collection: {
    method: 'Leukapheresis, target 1-2 x 10^9 CD3+ cells',
    minVolumeMl: 50,
    maxVolumeMl: 300,
    container: 'Validated 300 mL transfer bag, sealed, in a secondary bag',
    labelling:
      'Donor unique code as 2D barcode and text, collection date and time, volume, institution',
  },
  postCollectionStorage: { required: true, maxHours: 24, minTemperatureC: 2, maxTemperatureC: 8 },
  transportToFactory: {
    maxHours: 48,
    minTemperatureC: 2,
    maxTemperatureC: 8,
    maxReadingGapMinutes: 30,
  },
  receipt: {
    procedure:
      'Check the institution, transport temperature and time record, packaging, label, collection record and screening results; quarantine on any failure.',
  },
  donorMaterialTests: [
    {
      code: 'cell-count',
      name: 'Total nucleated cells of the apheresis material',
      method: 'automated haematology analyser',
      criterion: { kind: 'range', unit: 'x10^9', min: 1 },
      gating: 'before-material-release',
    },
    {
      code: 'viability',
      name: 'Viability of the apheresis material',
      method: '7-AAD flow cytometry',
      criterion: { kind: 'range', unit: '%', min: 80 },
      gating: 'before-material-release',
    },
    {
      code: 'sterility',
      name: 'Sterility of the apheresis material',
      method: 'ChP 1101 automated blood culture, 7-day incubation',
      criterion: { kind: 'allowed', values: ['no growth'] },
      gating: 'may-follow-material-release',
    },
  ],
  donorMaterialShelfLifeHours: 72,
  shipmentToSite: {
    maxHours: 72,
    minTemperatureC: -196,
    maxTemperatureC: -150,
    maxReadingGapMinutes: 60,
  },
  productShelfLifeDays: 180,
  followUpDays: 90,
  qcTestPlan: [
    {
      code: 'sterility',
      name: 'Sterility',
      method: 'ChP 1101 membrane filtration, 14-day incubation',
      sample: 'final product, 1% of volume',
      criterion: { kind: 'allowed', values: ['no growth'] },
      gating: 'may-follow-release',
      resultDueDays: 14,
    },
    {
      code: 'endotoxin',
      name: 'Bacterial endotoxin',
      method: 'ChP 1143 kinetic chromogenic LAL',
      sample: 'final product supernatant',
      criterion: { kind: 'range', unit: 'EU/mL', max: 0.5 },
      gating: 'before-release',
    },
    {
      code: 'mycoplasma',
      name: 'Mycoplasma',
      method: 'ChP 3301 validated qPCR',
      sample: 'final product with cells',
      criterion: { kind: 'allowed', values: ['not detected'] },
      gating: 'before-release',
    },
    {
      code: 'identity',
      name: 'Identity (CD3+ CAR+)',
      method: 'flow cytometry, anti-FMC63 idiotype',
      sample: 'final product',
      criterion: { kind: 'allowed', values: ['CD3+ CAR+ confirmed'] },
      gating: 'before-release',
    },
    {
      code: 'car-expression',
      name: 'CAR expression',
      method: 'flow cytometry, % CAR+ of viable CD3+',
      sample: 'final product',
      criterion: { kind: 'range', unit: '%', min: 10 },
      gating: 'before-release',
    },
    {
      code: 'viability',
      name: 'Viability',
      method: '7-AAD flow cytometry',
      sample: 'final product',
      criterion: { kind: 'range', unit: '%', min: 70 },
      gating: 'before-release',
    },
    {
      code: 'total-viable-cells',
      name: 'Total viable cells',
      method: 'automated cell count with AO/PI',
      sample: 'final product',
      criterion: { kind: 'range', unit: 'x10^8', min: 0.1, max: 10 },
      gating: 'before-release',
    },
    {
      code: 'potency',
      name: 'Potency (CD19+ target lysis)',
      method: 'co-culture cytotoxicity, E:T 10:1',
      sample: 'final product',
      criterion: { kind: 'range', unit: '% lysis', min: 20 },
      gating: 'informational',
    },
    {
      code: 'rcl',
      name: 'Replication-competent lentivirus',
      method: 'VSV-G qPCR',
      sample: 'final product',
      criterion: { kind: 'allowed', values: ['not detected'] },
      gating: 'before-release',
    },
  ],
};
