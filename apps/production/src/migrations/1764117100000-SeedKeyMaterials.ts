import { MigrationInterface, QueryRunner } from 'typeorm';
import { writeAudit } from '@v2v/audit';

const S = 'production';
/** Seeded records name this actor; they were entered by the migration, not signed by anyone. */
const SEED_ACTOR = { userId: 'seed', role: 'ops' } as const;

/** The seeded lots, for demos and tests: one released lot per material, one expired, one in quarantine. */
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

const MATERIALS = [
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
const LOTS = [
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

/**
 * A small, realistic key-material catalogue (MAT-01, MAT-02) with lots in every state a demo
 * or test needs. Each seeded record gets its audit entry, like any other GMP record.
 */
export class SeedKeyMaterials1764117100000 implements MigrationInterface {
  name = 'SeedKeyMaterials1764117100000';

  async up(q: QueryRunner): Promise<void> {
    for (const m of MATERIALS) {
      const ivd = 'ivd' in m ? m.ivd : null;
      const riskAssessment = {
        level: m.risk,
        summary: m.summary,
        assessedBy: 'qa.li',
        assessedOn: '2026-09-15',
      };
      await q.query(
        `INSERT INTO "${S}"."key_material" ("material_code", "name", "category", "risk_level", "risk_summary", "risk_assessed_by",
           "risk_assessed_on", "ivd_approval_status", "ivd_marker", "ivd_justification", "registered_by")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          m.code,
          m.name,
          m.category,
          m.risk,
          m.summary,
          riskAssessment.assessedBy,
          riskAssessment.assessedOn,
          ivd?.status ?? null,
          ivd?.marker ?? null,
          ivd?.justification ?? null,
          SEED_ACTOR.userId,
        ],
      );
      const material = {
        materialCode: m.code,
        name: m.name,
        category: m.category,
        riskAssessment,
        ivd: ivd && {
          approvalStatus: ivd.status,
          marker: ivd.marker,
          justification: ivd.justification,
        },
      };
      await writeAudit(q.manager, S, {
        recordType: 'key-material',
        recordId: m.code,
        action: 'create',
        actor: SEED_ACTOR,
        newValue: material,
      });
    }
    for (const lot of LOTS) {
      const receivedAt = `${lot.received}T09:00:00.000Z`;
      const decidedAt = lot.status === 'quarantine' ? null : `${lot.received}T15:00:00.000Z`;
      const comment = 'seeded as released for demos and tests';
      await q.query(
        `INSERT INTO "${S}"."key_material_lot" ("lot_id", "material_code", "supplier", "supplier_lot", "expires_on", "coa_checked",
           "inspection_result", "inspected_by", "received_at", "receipt_event_id", "status", "decided_by", "decided_at", "decision_comment")
         VALUES ($1, $2, $3, $4, $5, true, 'pass', $6, $7, $8, $9, $10, $11, $12)`,
        [
          lot.id,
          lot.material,
          lot.supplier,
          lot.supplierLot,
          lot.expires,
          SEED_ACTOR.userId,
          receivedAt,
          `seed:${lot.id}`,
          lot.status,
          decidedAt && SEED_ACTOR.userId,
          decidedAt,
          decidedAt && comment,
        ],
      );
      const record = {
        lotId: lot.id,
        materialCode: lot.material,
        status: lot.status,
        inspection: {
          supplier: lot.supplier,
          supplierLot: lot.supplierLot,
          expiresOn: lot.expires,
          certificateOfAnalysisChecked: true,
          result: 'pass',
          note: null,
          inspectedBy: SEED_ACTOR.userId,
          receivedAt,
        },
        decision: decidedAt && {
          decision: lot.status,
          decidedBy: SEED_ACTOR.userId,
          decidedAt,
          comment,
          signature: null,
        },
      };
      await writeAudit(q.manager, S, {
        recordType: 'key-material-lot',
        recordId: lot.id,
        action: 'create',
        actor: SEED_ACTOR,
        newValue: record,
      });
    }
  }

  /** Removes the seeded rows while no batch has consumed them; their audit entries stay (CSV-01). */
  async down(q: QueryRunner): Promise<void> {
    const ids = LOTS.map((l) => l.id);
    // The lot guard refuses every delete; only the schema owner, who runs migrations, can lift it.
    await q.query(
      `ALTER TABLE "${S}"."key_material_lot" DISABLE TRIGGER "TRG_key_material_lot_guard"`,
    );
    await q.query(`DELETE FROM "${S}"."key_material_lot" WHERE "lot_id" = ANY($1)`, [ids]);
    await q.query(
      `ALTER TABLE "${S}"."key_material_lot" ENABLE TRIGGER "TRG_key_material_lot_guard"`,
    );
    await q.query(`DELETE FROM "${S}"."key_material" WHERE "material_code" = ANY($1)`, [
      MATERIALS.map((m) => m.code),
    ]);
  }
}
