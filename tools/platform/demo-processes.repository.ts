import type { EntityManager } from 'typeorm';

const S = 'production';

/** SQL of the local process seeding, as the schema owner; a second run inserts nothing. */
export class DemoProcessesRepository {
  constructor(private readonly manager: EntityManager) {}

  async insertDefinition(row: {
    productCode: string;
    processVersion: number;
    specificationVersion: number;
    name: string;
    content: unknown;
    cellCountParameter: string;
    eventId: string;
    publishedBy: string;
  }): Promise<boolean> {
    const rows = await this.manager.query(
      `INSERT INTO "${S}"."process_definition" ("product_code", "process_version", "specification_version", "name",
         "content", "cell_count_parameter", "event_id", "published_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING 1`,
      [
        row.productCode,
        row.processVersion,
        row.specificationVersion,
        row.name,
        JSON.stringify(row.content),
        row.cellCountParameter,
        row.eventId,
        row.publishedBy,
      ],
    );
    return rows.length > 0;
  }

  /** A validation decision entered by the seeder, unsigned; its id, or undefined if present. */
  async insertSeededValidation(row: {
    productCode: string;
    processVersion: number;
    status: string;
    worstCase: {
      maxConcurrentLinesInArea: number;
      maxConcurrentIsolatorsInRoom: number;
      operators: number;
    };
    reportReference: string;
    eventId: string;
    decidedBy: { userId: string; role: string };
  }): Promise<string | undefined> {
    const rows: Array<{ validation_id: string }> = await this.manager.query(
      `INSERT INTO "${S}"."process_validation" ("validation_id", "product_code", "process_version", "status",
         "max_concurrent_lines_in_area", "max_concurrent_isolators_in_room", "operators", "report_reference",
         "event_id", "decided_by", "decided_by_role", "signature")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL)
       ON CONFLICT ("event_id") DO NOTHING RETURNING "validation_id"`,
      [
        row.productCode,
        row.processVersion,
        row.status,
        row.worstCase.maxConcurrentLinesInArea,
        row.worstCase.maxConcurrentIsolatorsInRoom,
        row.worstCase.operators,
        row.reportReference,
        row.eventId,
        row.decidedBy.userId,
        row.decidedBy.role,
      ],
    );
    return rows[0]?.validation_id;
  }
}
