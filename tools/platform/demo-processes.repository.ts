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
}
