import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ElectronicSignature } from '@v2v/contracts';
import type {
  IncomingInspection,
  KeyMaterial,
  KeyMaterialLot,
  LotDecisionRecord,
  LotRecall,
} from './key-material';

const S = '"production"';

// Dates as text: node-postgres would turn a `date` into a local-midnight Date.
const MATERIAL_COLUMNS = `"material_code", "name", "category", "risk_level", "risk_summary", "risk_assessed_by",
  to_char("risk_assessed_on", 'YYYY-MM-DD') AS "risk_assessed_on", "ivd_approval_status", "ivd_marker", "ivd_justification",
  "registered_by", "registered_at"`;
const LOT_COLUMNS = `"lot_id", "material_code", "supplier", "supplier_lot", to_char("expires_on", 'YYYY-MM-DD') AS "expires_on",
  "coa_checked", "inspection_result", "inspection_note", "inspected_by", "received_at", "receipt_event_id", "status",
  "decided_by", "decided_at", "decision_comment", "decision_event_id", "decision_signature"`;

interface MaterialRow {
  material_code: string;
  name: string;
  category: KeyMaterial['category'];
  risk_level: KeyMaterial['riskAssessment']['level'];
  risk_summary: string;
  risk_assessed_by: string;
  risk_assessed_on: string;
  ivd_approval_status: NonNullable<KeyMaterial['ivd']>['approvalStatus'] | null;
  ivd_marker: string | null;
  ivd_justification: string | null;
  registered_by: string;
  registered_at: Date;
}

interface LotRow {
  lot_id: string;
  material_code: string;
  supplier: string;
  supplier_lot: string;
  expires_on: string;
  coa_checked: boolean;
  inspection_result: 'pass' | 'fail';
  inspection_note: string | null;
  inspected_by: string;
  received_at: Date;
  receipt_event_id: string;
  status: KeyMaterialLot['status'];
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  decision_event_id: string | null;
  decision_signature: ElectronicSignature | null;
}

const toMaterial = (r: MaterialRow): KeyMaterial => ({
  materialCode: r.material_code,
  name: r.name,
  category: r.category,
  riskAssessment: {
    level: r.risk_level,
    summary: r.risk_summary,
    assessedBy: r.risk_assessed_by,
    assessedOn: r.risk_assessed_on,
  },
  ivd: r.ivd_approval_status
    ? {
        approvalStatus: r.ivd_approval_status,
        marker: r.ivd_marker as string,
        justification: r.ivd_justification,
      }
    : null,
  registeredBy: r.registered_by,
  registeredAt: r.registered_at.toISOString(),
});

const toLot = (r: LotRow): KeyMaterialLot => ({
  lotId: r.lot_id,
  materialCode: r.material_code,
  status: r.status,
  inspection: {
    supplier: r.supplier,
    supplierLot: r.supplier_lot,
    expiresOn: r.expires_on,
    certificateOfAnalysisChecked: r.coa_checked,
    result: r.inspection_result,
    note: r.inspection_note,
    inspectedBy: r.inspected_by,
    receivedAt: r.received_at.toISOString(),
  },
  decision:
    r.status === 'quarantine'
      ? null
      : {
          decision: r.status,
          decidedBy: r.decided_by as string,
          decidedAt: (r.decided_at as Date).toISOString(),
          comment: r.decision_comment,
          signature: r.decision_signature,
        },
});

/** A stored lot with the idempotency keys of its receipt and decision. */
export type StoredLot = KeyMaterialLot & { receiptEventId: string; decisionEventId: string | null };
const toStoredLot = (r: LotRow): StoredLot => ({
  ...toLot(r),
  receiptEventId: r.receipt_event_id,
  decisionEventId: r.decision_event_id,
});

/**
 * What is shown and audited of a lot: its idempotency keys are plumbing, not part of the record.
 */
export function publicLot(stored: StoredLot): KeyMaterialLot {
  const { receiptEventId, decisionEventId, ...lot } = stored;
  void receiptEventId;
  void decisionEventId;
  return lot;
}

/** The only place with SQL for the key-material catalogue and its lots. */
@Injectable()
export class KeyMaterialRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findMaterial(
    materialCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KeyMaterial | undefined> {
    const rows: MaterialRow[] = await manager.query(
      `SELECT ${MATERIAL_COLUMNS} FROM ${S}."key_material" WHERE "material_code" = $1`,
      [materialCode],
    );
    return rows[0] && toMaterial(rows[0]);
  }

  /** The catalogue, each material with its lots (newest first). */
  async catalogue(): Promise<Array<KeyMaterial & { lots: KeyMaterialLot[] }>> {
    const materials: MaterialRow[] = await this.dataSource.query(
      `SELECT ${MATERIAL_COLUMNS} FROM ${S}."key_material" ORDER BY "material_code"`,
    );
    const lots: LotRow[] = await this.dataSource.query(
      `SELECT ${LOT_COLUMNS} FROM ${S}."key_material_lot" ORDER BY "received_at" DESC, "lot_id"`,
    );
    return materials.map((m) => ({
      ...toMaterial(m),
      lots: lots.filter((l) => l.material_code === m.material_code).map(toLot),
    }));
  }

  async insertMaterial(
    manager: EntityManager,
    m: Omit<KeyMaterial, 'registeredAt'>,
  ): Promise<KeyMaterial> {
    const rows: MaterialRow[] = await manager.query(
      `INSERT INTO ${S}."key_material" ("material_code", "name", "category", "risk_level", "risk_summary", "risk_assessed_by",
         "risk_assessed_on", "ivd_approval_status", "ivd_marker", "ivd_justification", "registered_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${MATERIAL_COLUMNS}`,
      [
        m.materialCode,
        m.name,
        m.category,
        m.riskAssessment.level,
        m.riskAssessment.summary,
        m.riskAssessment.assessedBy,
        m.riskAssessment.assessedOn,
        m.ivd?.approvalStatus ?? null,
        m.ivd?.marker ?? null,
        m.ivd?.justification ?? null,
        m.registeredBy,
      ],
    );
    return toMaterial(rows[0]);
  }

  /** The next system lot id, `KML-<year>-<6-digit sequence>`. */
  async nextLotId(manager: EntityManager, year: number): Promise<string> {
    const [{ seq }] = await manager.query(`SELECT nextval('${S}."key_material_lot_seq"') AS "seq"`);
    return `KML-${year}-${String(seq).padStart(6, '0')}`;
  }

  async insertLot(
    manager: EntityManager,
    lot: {
      lotId: string;
      materialCode: string;
      receiptEventId: string;
      inspection: Omit<IncomingInspection, 'receivedAt'>;
    },
  ): Promise<StoredLot> {
    const i = lot.inspection;
    const rows: LotRow[] = await manager.query(
      `INSERT INTO ${S}."key_material_lot" ("lot_id", "material_code", "supplier", "supplier_lot", "expires_on", "coa_checked",
         "inspection_result", "inspection_note", "inspected_by", "receipt_event_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${LOT_COLUMNS}`,
      [
        lot.lotId,
        lot.materialCode,
        i.supplier,
        i.supplierLot,
        i.expiresOn,
        i.certificateOfAnalysisChecked,
        i.result,
        i.note,
        i.inspectedBy,
        lot.receiptEventId,
      ],
    );
    return toStoredLot(rows[0]);
  }

  /** A lot, optionally row-locked for a decision in the caller's transaction. */
  async findLot(
    lotId: string,
    manager: EntityManager = this.dataSource.manager,
    lock: '' | 'FOR UPDATE' = '',
  ): Promise<StoredLot | undefined> {
    const rows: LotRow[] = await manager.query(
      `SELECT ${LOT_COLUMNS} FROM ${S}."key_material_lot" WHERE "lot_id" = $1 ${lock}`,
      [lotId],
    );
    return rows[0] && toStoredLot(rows[0]);
  }

  /**
   * QA-04: the signed recalls that name the lot. Read after the consumption locked the lot row:
   * a recall's insert holds a key-share lock on it until it commits, so the two serialize.
   */
  async recallsOfLot(manager: EntityManager, lotId: string): Promise<LotRecall[]> {
    const rows: (Omit<LotRecall, 'decidedAt'> & { decidedAt: Date })[] = await manager.query(
      `SELECT "recall_id" AS "recallId", "classification", "reason", "decided_at" AS "decidedAt"
         FROM ${S}."recall" WHERE "scope" = 'key-material-lot' AND "lot_id" = $1
        ORDER BY "decided_at", "recall_id"`,
      [lotId],
    );
    return rows.map((r) => ({ ...r, decidedAt: r.decidedAt.toISOString() }));
  }

  async findLotByReceiptEvent(eventId: string): Promise<StoredLot | undefined> {
    const rows: LotRow[] = await this.dataSource.query(
      `SELECT ${LOT_COLUMNS} FROM ${S}."key_material_lot" WHERE "receipt_event_id" = $1`,
      [eventId],
    );
    return rows[0] && toStoredLot(rows[0]);
  }

  /** Server time for the decision; the signature is required here (only seeded lots have none). */
  async recordDecision(
    manager: EntityManager,
    lotId: string,
    eventId: string,
    d: Omit<LotDecisionRecord, 'decidedAt' | 'signature'> & { signature: ElectronicSignature },
  ): Promise<StoredLot> {
    await manager.query(
      `UPDATE ${S}."key_material_lot"
          SET "status" = $2, "decided_by" = $3, "decided_at" = clock_timestamp(), "decision_comment" = $4, "decision_event_id" = $5, "decision_signature" = $6
        WHERE "lot_id" = $1`,
      [lotId, d.decision, d.decidedBy, d.comment, eventId, JSON.stringify(d.signature)],
    );
    // Read back rather than RETURNING: TypeORM answers an UPDATE with [rows, count] on PostgreSQL.
    return (await this.findLot(lotId, manager)) as StoredLot;
  }
}
