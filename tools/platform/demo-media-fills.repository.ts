import type { EntityManager } from 'typeorm';

const S = 'production';

/** SQL of the local media fill seeding, as the schema owner; a second run adds nothing. */
export class DemoMediaFillsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** True when it inserted the run, false when its event id was already there. */
  async insert(row: Record<string, unknown>): Promise<boolean> {
    const columns = Object.keys(row);
    const rows = await this.manager.query(
      `INSERT INTO "${S}"."media_fill" (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT ("event_id") DO NOTHING RETURNING 1`,
      Object.values(row),
    );
    return rows.length > 0;
  }
}
