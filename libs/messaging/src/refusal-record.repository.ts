import { DataSource } from 'typeorm';
import type { ActivityRefusal } from '@v2v/contracts';

/** One refusal as ops and QA read it, wherever it was recorded (gateway or owning service). */
export interface RefusalView {
  /** Where it was recorded: `gateway` or the owning service. */
  service: string;
  at: string;
  actor: { userId: string | null; role: string | null };
  donorCode: string | null;
  /** The refusal code: the GMP rule ID where a rule refused; null on a bare 401. */
  code: string | null;
  message: string;
  /** Refused at the gateway: the request and the status it was answered with. */
  request?: { method: string; path: string; status: number };
  /** Refused by the owning service's activity: the step and its event id. */
  step?: { activity: string; eventId: string | null };
}

interface RefusalRow {
  at: Date;
  activity: string;
  donorCode: string | null;
  eventId: string | null;
  userId: string | null;
  role: string | null;
  code: string;
  message: string;
}

/** A service's `refusal_record`: written outside the refused transaction, read per donor code. */
export class RefusalRecordRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly service: string,
  ) {}

  async record(refusal: ActivityRefusal): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}"."refusal_record"
         ("activity", "donor_code", "journey_id", "event_id", "actor_user_id", "actor_role", "code", "message", "details")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ("event_id", "activity") DO NOTHING`,
      [
        refusal.activity,
        refusal.donorCode,
        refusal.journeyId,
        refusal.eventId,
        refusal.actor?.userId ?? null,
        refusal.actor?.role ?? null,
        refusal.code,
        refusal.message,
        refusal.details,
      ],
    );
  }

  async byDonorCode(donorCode: string): Promise<RefusalView[]> {
    const rows: RefusalRow[] = await this.dataSource.query(
      `SELECT "at", "activity", "donor_code" AS "donorCode", "event_id" AS "eventId",
              "actor_user_id" AS "userId", "actor_role" AS "role", "code", "message"
         FROM "${this.schema}"."refusal_record" WHERE "donor_code" = $1 ORDER BY "at", "id"`,
      [donorCode],
    );
    return rows.map((row) => ({
      service: this.service,
      at: row.at.toISOString(),
      actor: { userId: row.userId, role: row.role },
      donorCode: row.donorCode,
      code: row.code,
      message: row.message,
      step: { activity: row.activity, eventId: row.eventId },
    }));
  }
}
