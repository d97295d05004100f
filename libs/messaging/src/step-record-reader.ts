import { DataSource } from 'typeorm';

export interface StoredStepRecord {
  recordId: string;
  eventId: string;
  donorCode: string;
  recordType: string;
  detail: Record<string, unknown>;
}

/** Reads a service's step records as they are stored now (e.g. to check a signature). */
export class StepRecordReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async byEventId(eventId: string): Promise<StoredStepRecord | undefined> {
    const rows = await this.dataSource.query(
      `SELECT "id" AS "recordId", "event_id" AS "eventId", "donor_code" AS "donorCode", "record_type" AS "recordType", "detail"
         FROM "${this.schema}"."step_record" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0];
  }
}
