import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { formatDonorCode, generateDonorUniqueCode, journeyWorkflowId } from '@v2v/contracts';

/*
 * Donor-intake's records put on record directly for its integration specs, as the step use
 * cases record them, and what the specs count and ask of them.
 */

/** A registered donor (facility Z9997 marks test data) of INST-001. */
export async function registeredDonor(dataSource: DataSource): Promise<string> {
  const donorCode = formatDonorCode(
    generateDonorUniqueCode({ facility: 'Z9997', year: 2026, sequence: randomInt(1, 999_999) }),
  );
  await dataSource.query(
    `INSERT INTO donor_intake.donor (donor_code, eye_readable, patient_reference, institution_id,
       product_code, request_key, registered_by)
     VALUES ($1, $1, 'PAT-IT-GATES', 'INST-001', 'CART-CD19', $2, 'it')`,
    [donorCode, randomUUID()],
  );
  return donorCode;
}

/** A step record as the step's use case writes it, recorded now (in the order called). */
export async function stepRecord(
  dataSource: DataSource,
  donorCode: string,
  step: string,
  recordType: string,
  detail: Record<string, unknown>,
) {
  await dataSource.query(
    `INSERT INTO donor_intake.step_record (id, event_id, donor_code, journey_id, record_type,
       actor_user_id, actor_role, occurred_at, summary, detail, step, step_cycle, step_repeat,
       payload_hash)
     VALUES ($1, $2, $3, $4, $5, 'it', 'ops', now(), $6, $7, $8, 0, 0, 'it')`,
    [
      randomUUID(),
      randomUUID(),
      donorCode,
      journeyWorkflowId(donorCode),
      recordType,
      `${step} (integration test)`,
      JSON.stringify(detail),
      step,
    ],
  );
}

/** How many rows of a donor-intake table match `where`, its one parameter `$1`. */
export async function rowsOf(
  dataSource: DataSource,
  table: string,
  where: string,
  param: string,
): Promise<number> {
  const rows: Array<{ n: number }> = await dataSource.query(
    `SELECT count(*)::int AS n FROM donor_intake.${table} WHERE ${where}`,
    [param],
  );
  return rows[0].n;
}

/** What the release gates are asked for the donor code's journey (or another journey). */
export const gatesQuery = (donorCode: string, journeyId = journeyWorkflowId(donorCode)) => ({
  donorCode,
  batchNumber: 'B-IT-DI-1',
  journeyId,
});
