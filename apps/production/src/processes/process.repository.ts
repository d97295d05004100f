import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ElectronicSignature,
  ProcessDefinitionContent,
  ProcessValidationDecision,
} from '@v2v/contracts';
import type { ProcessDefinition, ProcessValidation, ProcessVersionStanding } from './process';

const S = '"production"';

interface DefinitionRow {
  product_code: string;
  process_version: number;
  specification_version: number;
  name: string;
  content: ProcessDefinitionContent;
  cell_count_parameter: string;
  event_id: string;
  published_by: string;
  published_at: Date;
}

interface ValidationRow {
  validation_id: string;
  product_code: string;
  process_version: number;
  status: ProcessValidation['status'];
  max_concurrent_lines_in_area: number | null;
  max_concurrent_isolators_in_room: number | null;
  operators: number | null;
  report_reference: string;
  rationale: string | null;
  event_id: string;
  decided_by: string;
  decided_at: Date;
}

const toDefinition = (r: DefinitionRow): ProcessDefinition => ({
  productCode: r.product_code,
  processVersion: r.process_version,
  specificationVersion: r.specification_version,
  name: r.name,
  content: r.content,
  cellCountParameter: r.cell_count_parameter,
  publishedBy: r.published_by,
  publishedAt: r.published_at.toISOString(),
});

const toValidation = (r: ValidationRow): ProcessValidation => ({
  validationId: r.validation_id,
  productCode: r.product_code,
  processVersion: r.process_version,
  status: r.status,
  worstCase:
    r.max_concurrent_lines_in_area === null
      ? null
      : {
          maxConcurrentLinesInArea: r.max_concurrent_lines_in_area,
          maxConcurrentIsolatorsInRoom: r.max_concurrent_isolators_in_room ?? 0,
          operators: r.operators ?? 0,
        },
  reportReference: r.report_reference,
  rationale: r.rationale,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at.toISOString(),
});

/** Process definitions (immutable once published) and their append-only validation decisions. */
@Injectable()
export class ProcessRepository {
  constructor(private readonly dataSource: DataSource) {}

  async specificationExists(
    manager: EntityManager,
    productCode: string,
    version: number,
  ): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM ${S}."product_specification" WHERE "product_code" = $1 AND "version" = $2`,
      [productCode, version],
    );
    return rows.length > 0;
  }

  async definition(
    manager: EntityManager,
    productCode: string,
    processVersion: number,
  ): Promise<ProcessDefinition | undefined> {
    const rows: DefinitionRow[] = await manager.query(
      `SELECT * FROM ${S}."process_definition" WHERE "product_code" = $1 AND "process_version" = $2`,
      [productCode, processVersion],
    );
    return rows[0] && toDefinition(rows[0]);
  }

  async definitionOfSpecification(
    manager: EntityManager,
    productCode: string,
    specificationVersion: number,
  ): Promise<ProcessDefinition | undefined> {
    const rows: DefinitionRow[] = await manager.query(
      `SELECT * FROM ${S}."process_definition" WHERE "product_code" = $1 AND "specification_version" = $2`,
      [productCode, specificationVersion],
    );
    return rows[0] && toDefinition(rows[0]);
  }

  async definitionByEvent(
    manager: EntityManager,
    eventId: string,
  ): Promise<(ProcessDefinition & { eventId: string }) | undefined> {
    const rows: DefinitionRow[] = await manager.query(
      `SELECT * FROM ${S}."process_definition" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && { ...toDefinition(rows[0]), eventId: rows[0].event_id };
  }

  /**
   * Inserts the product's next process version. Versions of one product are numbered under a
   * transaction-level lock, so two publications at once get consecutive numbers.
   */
  async insertDefinition(
    manager: EntityManager,
    input: {
      productCode: string;
      specificationVersion: number;
      content: ProcessDefinitionContent;
      cellCountParameter: string;
      eventId: string;
      publishedBy: string;
    },
  ): Promise<ProcessDefinition> {
    await this.lockProduct(manager, input.productCode);
    const rows: DefinitionRow[] = await manager.query(
      `INSERT INTO ${S}."process_definition" ("product_code", "process_version", "specification_version", "name",
         "content", "cell_count_parameter", "event_id", "published_by")
       SELECT $1, COALESCE(MAX("process_version"), 0) + 1, $2, $3, $4, $5, $6, $7
         FROM ${S}."process_definition" WHERE "product_code" = $1
       RETURNING *`,
      [
        input.productCode,
        input.specificationVersion,
        input.content.name,
        JSON.stringify(input.content),
        input.cellCountParameter,
        input.eventId,
        input.publishedBy,
      ],
    );
    return toDefinition(rows[0]);
  }

  /** Serialises the publications of one product, and the validation decisions of it. */
  async lockProduct(manager: EntityManager, productCode: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('process/' || $1))`, [productCode]);
  }

  async latestValidation(
    manager: EntityManager,
    productCode: string,
    processVersion: number,
  ): Promise<ProcessValidation | null> {
    const rows: ValidationRow[] = await manager.query(
      `SELECT * FROM ${S}."process_validation" WHERE "product_code" = $1 AND "process_version" = $2
        ORDER BY "decided_at" DESC LIMIT 1`,
      [productCode, processVersion],
    );
    return rows[0] ? toValidation(rows[0]) : null;
  }

  async validationByEvent(
    manager: EntityManager,
    eventId: string,
  ): Promise<(ProcessValidation & { eventId: string }) | undefined> {
    const rows: ValidationRow[] = await manager.query(
      `SELECT * FROM ${S}."process_validation" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && { ...toValidation(rows[0]), eventId: rows[0].event_id };
  }

  async insertValidation(
    manager: EntityManager,
    input: {
      validationId: string;
      productCode: string;
      processVersion: number;
      decision: ProcessValidationDecision;
      eventId: string;
      decidedBy: { userId: string; role: string };
      signature: ElectronicSignature;
    },
  ): Promise<ProcessValidation> {
    const { decision } = input;
    const rows: ValidationRow[] = await manager.query(
      `INSERT INTO ${S}."process_validation" ("validation_id", "product_code", "process_version", "status",
         "max_concurrent_lines_in_area", "max_concurrent_isolators_in_room", "operators", "report_reference",
         "rationale", "event_id", "decided_by", "decided_by_role", "signature")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
      [
        input.validationId,
        input.productCode,
        input.processVersion,
        decision.status,
        decision.worstCase?.maxConcurrentLinesInArea ?? null,
        decision.worstCase?.maxConcurrentIsolatorsInRoom ?? null,
        decision.worstCase?.operators ?? null,
        decision.reportReference,
        decision.rationale ?? null,
        input.eventId,
        input.decidedBy.userId,
        input.decidedBy.role,
        JSON.stringify(input.signature),
      ],
    );
    return toValidation(rows[0]);
  }

  /** Every version of a product with its current validation; empty when it has none. */
  async versions(productCode: string): Promise<ProcessVersionStanding[]> {
    const rows: Array<DefinitionRow & { validation: ValidationRow | null }> =
      await this.dataSource.query(
        `SELECT d.*, (SELECT to_jsonb(v) FROM ${S}."process_validation" v
                       WHERE v."product_code" = d."product_code" AND v."process_version" = d."process_version"
                       ORDER BY v."decided_at" DESC LIMIT 1) AS "validation"
           FROM ${S}."process_definition" d WHERE d."product_code" = $1 ORDER BY d."process_version"`,
        [productCode],
      );
    return rows.map((r) => ({
      definition: toDefinition(r),
      validation: r.validation
        ? toValidation({ ...r.validation, decided_at: new Date(r.validation.decided_at) })
        : null,
    }));
  }
}
