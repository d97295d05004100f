/**
 * The local demo's key materials and lots (seeded by tools/platform, never by a migration):
 * every e2e test, the integration tests and `npm run demo` name these codes and lots.
 */
/**
 * The seeded lots, for demos and tests: one released lot per material, one expired, one in
 * quarantine.
 */
export const SEEDED_KEY_MATERIAL_LOTS = {
  lentiviralVector: 'KML-2026-000001',
  interleukin2: 'KML-2026-000002',
  humanAbSerum: 'KML-2026-000003',
  tubingSet: 'KML-2026-000004',
  hivReagent: 'KML-2026-000005',
  syphilisReagent: 'KML-2026-000006',
  expiredInterleukin2: 'KML-2025-000007',
  quarantinedVector: 'KML-2026-000008',
} as const;

/** The demo key-material catalogue (MAT-01, MAT-02): risk assessments and IVD approvals. */
export const DEMO_KEY_MATERIALS = [
  {
    code: 'LV-CD19-BBZ',
    name: 'Lentiviral vector, anti-CD19 CAR (4-1BB/CD3ζ)',
    category: 'vector',
    risk: 'high',
    summary:
      'Integrates into the cells: replication-competent lentivirus, titre and sterility are critical; supplier audited, RCL and titre on every CoA',
  },
  {
    code: 'IL2-RH',
    name: 'Recombinant human IL-2, GMP grade',
    category: 'cytokine',
    risk: 'medium',
    summary:
      'Animal-origin free; potency and endotoxin on the CoA drive expansion; single qualified supplier',
  },
  {
    code: 'SERUM-HAB',
    name: 'Human AB serum, heat-inactivated',
    category: 'serum',
    risk: 'high',
    summary:
      'Human-derived: adventitious agents; donors screened for HIV, HBV, HCV and syphilis, lot-to-lot variability tested',
  },
  {
    code: 'SUS-TS520',
    name: 'Closed-system tubing set TS 520, single use',
    category: 'single-use-set',
    risk: 'low',
    summary:
      'Sterile, single use, closed processing; integrity and extractables data from the supplier',
  },
  {
    code: 'IVD-HIV-AGAB',
    name: 'HIV-1/2 antigen/antibody combination ELISA',
    category: 'ivd-reagent',
    risk: 'medium',
    summary: 'A false negative would pass an infectious donation; blood-screening approved',
    ivd: { status: 'blood-screening-approved', marker: 'HIV-1/2 Ag/Ab', justification: null },
  },
  {
    code: 'IVD-TP-CLIA',
    name: 'Treponema pallidum antibody chemiluminescence assay',
    category: 'ivd-reagent',
    risk: 'medium',
    summary: 'A false negative would pass an infectious donation; diagnostic approval only',
    ivd: {
      status: 'diagnostic-only',
      marker: 'Treponema pallidum antibody (syphilis)',
      justification:
        'No blood-screening-approved syphilis assay runs on the site CLIA platform; sensitivity and specificity verified against the approved reference assay (VAL-IVD-017), reactive results confirmed by TPPA',
    },
  },
] as const;

const L = SEEDED_KEY_MATERIAL_LOTS;
/** Their lots as received and decided (all inspected and passed; one still in quarantine). */
export const DEMO_KEY_MATERIAL_LOTS = [
  {
    id: L.lentiviralVector,
    material: 'LV-CD19-BBZ',
    supplier: 'Helix Vector Manufacturing',
    supplierLot: 'LV19-2610-07',
    expires: '2027-12-31',
    received: '2026-10-06',
    status: 'released',
  },
  {
    id: L.interleukin2,
    material: 'IL2-RH',
    supplier: 'CytoPure Biologics',
    supplierLot: 'IL2-26-0933',
    expires: '2027-12-31',
    received: '2026-10-08',
    status: 'released',
  },
  {
    id: L.humanAbSerum,
    material: 'SERUM-HAB',
    supplier: 'Plasma Sciences',
    supplierLot: 'HAB-26-118',
    expires: '2027-12-31',
    received: '2026-10-08',
    status: 'released',
  },
  {
    id: L.tubingSet,
    material: 'SUS-TS520',
    supplier: 'ClosedCell Systems',
    supplierLot: 'TS520-2609-41',
    expires: '2027-12-31',
    received: '2026-10-10',
    status: 'released',
  },
  {
    id: L.hivReagent,
    material: 'IVD-HIV-AGAB',
    supplier: 'ScreenDx',
    supplierLot: 'HIVC-2609-2',
    expires: '2027-12-31',
    received: '2026-10-12',
    status: 'released',
  },
  {
    id: L.syphilisReagent,
    material: 'IVD-TP-CLIA',
    supplier: 'LumiDx',
    supplierLot: 'TPAB-2609-5',
    expires: '2027-12-31',
    received: '2026-10-12',
    status: 'released',
  },
  {
    id: L.expiredInterleukin2,
    material: 'IL2-RH',
    supplier: 'CytoPure Biologics',
    supplierLot: 'IL2-25-0412',
    expires: '2026-06-30',
    received: '2025-07-14',
    status: 'released',
  },
  {
    id: L.quarantinedVector,
    material: 'LV-CD19-BBZ',
    supplier: 'Helix Vector Manufacturing',
    supplierLot: 'LV19-2611-02',
    expires: '2027-12-31',
    received: '2026-11-20',
    status: 'quarantine',
  },
] as const;
