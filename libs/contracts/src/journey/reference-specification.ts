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
    // Fresh apheresis material: a freeze destroys the cells, a warm hour costs viability.
    excursionBudget: {
      maxMinutesOutOfRange: 60,
      stabilityReference:
        'STAB-CART-CD19-03: leukapheresis material held at 15-25 °C for up to 2 h kept viability and CD3+ recovery within acceptance; frozen below 0 °C it did not',
      absoluteMinTemperatureC: 0,
      absoluteMaxTemperatureC: 25,
    },
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
    // Cryopreserved in DMSO: warmed past its glass transition (about -120 °C) a bag is lost.
    excursionBudget: {
      maxMinutesOutOfRange: 30,
      stabilityReference:
        'STAB-CART-CD19-07: transient warming of the cryopreserved bag to -135 °C for up to 45 min kept post-thaw viability within acceptance; warming above -120 °C did not',
      absoluteMaxTemperatureC: -120,
    },
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
  instructionsForUse: {
    thawing: {
      text: {
        zh: '核对患者身份与产品标签一致后，将冷冻袋连同外包装袋放入 37 °C 水浴或经验证的干式复温仪中，轻柔揉动至袋内无可见冰晶即停止复温，不得过度加热。',
        en: 'After the patient and the product label are verified to match, place the bag in its overwrap in a 37 °C water bath or a validated dry thawing device and knead gently until no ice is visible; do not overheat.',
      },
      temperatureC: 37,
      method: {
        zh: '37 °C 水浴或经验证的干式复温仪',
        en: '37 °C water bath or validated dry thawer',
      },
      maxMinutes: 5,
    },
    dilutionAndWashing: {
      text: {
        zh: '本品无需稀释或洗涤，复温后直接输注；不得离心、不得重悬、不得加入其他药物。',
        en: 'No dilution or washing: infuse as thawed; do not centrifuge, resuspend or add any other medicinal product.',
      },
    },
    preparation: {
      environment: {
        zh: '在输注病房或层流洁净区域内准备，备好托珠单抗及急救设备。',
        en: 'Prepare in the infusion ward or a laminar-flow area, with tocilizumab and emergency equipment at hand.',
      },
      asepticRequirements: {
        zh: '无菌操作：戴无菌手套，消毒输液接口，仅使用不含白细胞滤器的输血器，袋体破损或渗漏时不得使用。',
        en: 'Aseptic handling: sterile gloves, disinfected ports, a transfusion set without leukocyte-depleting filter; do not use a damaged or leaking bag.',
      },
    },
    siteStorage: {
      text: {
        zh: '收到后立即转入液氮气相储存（≤ -150 °C），至复温前不得离开低温环境；记录储存位置与温度。',
        en: 'On receipt transfer at once to vapour-phase liquid nitrogen (≤ -150 °C) until thawing; record location and temperature.',
      },
      minTemperatureC: -196,
      maxTemperatureC: -150,
      maxHours: 720,
    },
    transferToBedside: {
      text: {
        zh: '复温完成后立即送至床旁，两名经培训的医护人员床旁核对后开始输注，自复温完成至开始输注不超过 30 分钟。',
        en: 'Take the thawed bag straight to the bedside; two trained clinicians verify identity, then start the infusion within 30 minutes of the end of thawing.',
      },
      maxMinutesFromThawToInfusion: 30,
    },
    warnings: [
      {
        zh: '仅限标签所示患者自体使用；输注前须核对供者识别码与患者假名编号。',
        en: 'Autologous use in the patient on the label only; verify the donor code and pseudonymous patient reference first.',
      },
      {
        zh: '不得辐照，不得使用白细胞滤器，复温后不得再次冷冻。',
        en: 'Do not irradiate, do not use a leukocyte-depleting filter, never refreeze after thawing.',
      },
      {
        zh: '输注后监测细胞因子释放综合征与神经毒性至少 7 天。',
        en: 'Monitor for cytokine release syndrome and neurotoxicity for at least 7 days after infusion.',
      },
    ],
  },
};
