import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  Actor,
  assertShipperQualificationDecision,
  assertShipperWithdrawable,
  DomainError,
  ElectronicSignature,
  ShipperCarries,
  ShipperQualification,
  ShipperQualificationDecision,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';

const COLUMNS = `"shipper_id" AS "shipperId", "carries", to_char("qualified_until", 'YYYY-MM-DD') AS "qualifiedUntil", "status"`;

/** Reads a shipper's qualification from the service's own `qualified_shipper` table. */
export async function findShipperQualification(
  manager: EntityManager,
  schema: string,
  shipperId: string,
  lock = '',
): Promise<ShipperQualification | undefined> {
  const rows = await manager.query(
    `SELECT ${COLUMNS} FROM "${schema}"."qualified_shipper" WHERE "shipper_id" = $1 ${lock}`,
    [shipperId],
  );
  return rows[0];
}

interface SignedBy {
  eventId: string;
  decidedBy: Actor;
  signature: ElectronicSignature;
}

/**
 * MAT-03: the service's register of shipper/lane configurations, kept by QA's signed
 * decisions. Each decision writes the configuration, an append-only decision row and the
 * audit entry in one transaction; a repeated event id gets the first answer.
 */
export class ShipperQualificationRegister {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    readonly carries: ShipperCarries,
    private readonly signatures: SignatureRecorder,
  ) {}

  list() {
    return this.dataSource.query(
      `SELECT ${COLUMNS}, "description", "evidence",
              (SELECT json_agg(json_build_object('decisionId', d."decision_id", 'decision', d."decision", 'decidedBy', d."decided_by",
                                                 'decidedAt', d."decided_at", 'signatureId', d."signature"->>'signatureId') ORDER BY d."decided_at")
                 FROM "${this.schema}"."shipper_qualification_decision" d WHERE d."shipper_id" = s."shipper_id") AS "decisions"
         FROM "${this.schema}"."qualified_shipper" s ORDER BY "shipper_id"`,
    );
  }

  async qualify(decision: ShipperQualificationDecision & SignedBy, now = new Date()) {
    const { eventId, decidedBy, signature, ...qualification } = decision;
    if (qualification.carries !== this.carries) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `this register keeps ${this.carries} configurations, not ${qualification.carries}`,
      );
    }
    assertShipperQualificationDecision(qualification, now.toISOString().slice(0, 10));
    return this.decide(
      { eventId, decidedBy, signature },
      qualification.shipperId,
      'qualified',
      qualification,
      async (manager, before) => {
        await manager.query(
          `INSERT INTO "${this.schema}"."qualified_shipper" ("shipper_id", "carries", "description", "qualified_until", "status", "evidence")
         VALUES ($1, $2, $3, $4, 'qualified', $5)
         ON CONFLICT ("shipper_id") DO UPDATE SET "description" = $3, "qualified_until" = $4, "status" = 'qualified', "evidence" = $5`,
          [
            qualification.shipperId,
            qualification.carries,
            qualification.description,
            qualification.qualifiedUntil,
            JSON.stringify(qualification.evidence),
          ],
        );
        return before
          ? `requalified until ${qualification.qualifiedUntil} (${qualification.evidence.reportReference})`
          : undefined;
      },
    );
  }

  /**
   * Would this withdrawal be accepted? Asked before anything is signed. A retry of the one
   * recorded under its event id is, though the configuration is withdrawn: `withdraw` answers it.
   */
  async checkWithdrawal(shipperId: string, eventId: string) {
    const manager = this.dataSource.manager;
    if (!(await this.decided(manager, eventId, shipperId, 'withdrawn')))
      assertShipperWithdrawable(
        this.carries,
        shipperId,
        await findShipperQualification(manager, this.schema, shipperId),
      );
    return { shipperId, allowed: true as const };
  }

  async withdraw(shipperId: string, decision: { reason: string } & SignedBy) {
    const { eventId, decidedBy, signature, reason } = decision;
    return this.decide(
      { eventId, decidedBy, signature },
      shipperId,
      'withdrawn',
      { shipperId, reason },
      async (manager, before) => {
        assertShipperWithdrawable(this.carries, shipperId, before);
        await manager.query(
          `UPDATE "${this.schema}"."qualified_shipper" SET "status" = 'withdrawn' WHERE "shipper_id" = $1`,
          [shipperId],
        );
        return `qualification withdrawn: ${reason}`;
      },
    );
  }

  /**
   * `apply` changes the configuration and returns the audit reason of an update (undefined for a
   * creation).
   */
  private async decide(
    signed: SignedBy,
    shipperId: string,
    meaning: 'qualified' | 'withdrawn',
    detail: Record<string, unknown>,
    apply: (
      manager: EntityManager,
      before: ShipperQualification | undefined,
    ) => Promise<string | undefined>,
  ) {
    const { eventId, decidedBy, signature } = signed;
    return this.dataSource.transaction(async (manager) => {
      if (await this.decided(manager, eventId, shipperId, meaning))
        return findShipperQualification(manager, this.schema, shipperId);
      // CSV-02, PER-03: sealed by the gateway for this decision on this configuration.
      const subject = {
        recordType: 'shipper-qualification',
        recordId: `${this.carries}/${shipperId}`,
      };
      await this.signatures.record(manager, signature, {
        meaning,
        decidedBy,
        signerRole: SIGNER_ROLE,
        subject,
        contentHash: signedRecordHash({ ...subject, detail }),
      });
      const before = await findShipperQualification(manager, this.schema, shipperId, 'FOR UPDATE');
      const reason = await apply(manager, before);
      await manager.query(
        `INSERT INTO "${this.schema}"."shipper_qualification_decision" ("decision_id", "shipper_id", "decision", "detail", "decided_by", "decided_role", "signature")
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          eventId,
          shipperId,
          meaning,
          JSON.stringify(detail),
          decidedBy.userId,
          decidedBy.role,
          JSON.stringify(signature),
        ],
      );
      const after = await findShipperQualification(manager, this.schema, shipperId);
      await writeAudit(manager, this.schema, {
        recordType: 'qualified-shipper',
        recordId: shipperId,
        action: before ? 'update' : 'create',
        actor: decidedBy,
        ...(before
          ? {
              reason: `QA decision ${eventId}, signature ${signature.signatureId}: ${reason}`,
              oldValue: before,
            }
          : {}),
        newValue: { ...after, decisionId: eventId, signatureId: signature.signatureId },
      });
      return after;
    });
  }

  /**
   * Whether this event id already recorded this decision on this configuration (a repeat gets
   * the first answer); the id used for another decision or configuration is a conflict.
   */
  private async decided(
    manager: EntityManager,
    eventId: string,
    shipperId: string,
    meaning: 'qualified' | 'withdrawn',
  ): Promise<boolean> {
    const [previous] = await manager.query(
      `SELECT "shipper_id", "decision" FROM "${this.schema}"."shipper_qualification_decision" WHERE "decision_id" = $1`,
      [eventId],
    );
    if (previous && (previous.shipper_id !== shipperId || previous.decision !== meaning)) {
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${eventId} was already used to record '${previous.decision}' for ${previous.shipper_id}`,
      );
    }
    return previous !== undefined;
  }
}
