import { randomUUID } from 'node:crypto';
import {
  activityInput,
  at,
  batchRecordTestContext,
  type BatchRecordTestContext,
  book,
  dayShiftBase,
  operator,
  startedBatch,
  type StartedBatch,
} from './__tests__/batch-record-test-context';
import { clear, completion, refusalOf, rowsOf, startOf } from './__tests__/batch-step-payloads';

// Real PostgreSQL: the production schema as migrated and seeded, through the services' role.
// Who is in which area and room when a step starts: rows of other batches are put on record as
// the owner, and completed before the test ends, so no later run finds them in progress.
let ctx: BatchRecordTestContext;
beforeAll(async () => {
  ctx = await batchRecordTestContext();
});
afterAll(async () => {
  await ctx?.dataSource.destroy();
  await ctx?.owner.destroy();
});

describe('the people of a step at its start on real PostgreSQL (PER-02, PRD-03)', () => {
  it('PER-02 refuses a co-operator still at work in the vector area; PRD-03 refuses more people in the room than the validated worst case', async () => {
    const batch = await startedBatch(ctx);
    const base = dayShiftBase(3);
    const booking = await book(ctx, batch, 0, at(base, 60));
    const startAt = at(base, 65);
    const starting = (coOperators: string[]) =>
      refusalOf(
        ctx.start.execute(
          activityInput(batch, 0, startOf(booking.bookingId, startAt, { coOperators })),
        ),
      );
    /** A step of another batch in production, started and not completed (as the owner). */
    const inProgress = async (room: [string, string], operators: string[]) => {
      const other = await startedBatch(ctx);
      await ctx.owner.query(
        `INSERT INTO production.batch_step_record (record_id, event_id, batch_number, donor_code, journey_id,
           step_id, step_index, kind, booking_id, room_code, area_code, shift_code, positive_material,
           operators, started_at, ended_at, summary, payload, recorded_by, recorded_by_role)
         VALUES ($1, $2, $3, $4, $5, 'IT-STEP', 0, 'start', $6, $7, $8, 'DAY', false, $9, $10, NULL,
           'IT: in progress', '{}', $11, 'operator')`,
        [
          randomUUID(),
          randomUUID(),
          other.batchNumber,
          other.donorCode,
          other.journeyId,
          booking.bookingId,
          room[0],
          room[1],
          operators,
          at(base, 30),
          operators[0],
        ],
      );
      return other;
    };
    const complete = (other: StartedBatch, room: [string, string], operators: string[]) =>
      ctx.owner.query(
        `INSERT INTO production.batch_step_record (record_id, event_id, batch_number, donor_code, journey_id,
           step_id, step_index, kind, booking_id, room_code, area_code, shift_code, positive_material,
           operators, started_at, ended_at, summary, payload, recorded_by, recorded_by_role)
         VALUES ($1, $2, $3, $4, $5, 'IT-STEP', 0, 'completion', $6, $7, $8, 'DAY', false, $9, $10, $11,
           'IT: completed', '{}', $12, 'operator')`,
        [
          randomUUID(),
          randomUUID(),
          other.batchNumber,
          other.donorCode,
          other.journeyId,
          booking.bookingId,
          room[0],
          room[1],
          operators,
          at(base, 30),
          at(base, 50),
          operators[0],
        ],
      );

    // PER-02: started in the vector area and not completed: still there, decontaminated or not.
    const vector: [string, string] = ['VEC1-R01', 'VEC-1'];
    const stillThere = [`it.vector-${randomUUID().slice(0, 8)}`];
    const vectorStep = await inProgress(vector, stillThere);
    expect(await starting(stillThere)).toMatchObject({
      code: 'PER-02',
      message: expect.stringContaining(`${stillThere[0]} is still at work in vector area VEC-1`),
    });

    // PRD-03: the people of the room's step in progress, and this step's, beyond the worst case.
    const [{ operators: validated }] = await ctx.dataSource.query(
      `SELECT operators FROM production.process_validation WHERE product_code = 'CART-CD19'
          AND process_version = 1 ORDER BY decided_at DESC LIMIT 1`,
    );
    const room: [string, string] = ['CP1-R03', 'CP-1'];
    const inRoom = Array.from(
      { length: validated - 1 },
      (_, i) => `it.room-${i}-${randomUUID().slice(0, 8)}`,
    );
    const roomStep = await inProgress(room, inRoom);
    const crewMate = `it.crew-${randomUUID().slice(0, 8)}`;
    expect(await starting([crewMate])).toMatchObject({
      code: 'PRD-03',
      message: expect.stringMatching(
        new RegExp(
          `^${validated + 1} operators would work in room CP1-R03 at once \\(.*${crewMate}\\)`,
        ),
      ),
    });
    expect(await rowsOf(ctx, batch)).toBe(0);

    // Both steps completed, the vector worker decontaminated: the same crew starts.
    await complete(vectorStep, vector, stillThere);
    await complete(roomStep, room, inRoom);
    await ctx.decontaminate.execute({
      person: stillThere[0],
      areaCode: 'VEC-1',
      decontaminatedAt: at(base, 55).toISOString(),
      method: 'IT: shower and change of garments',
      eventId: randomUUID(),
      recordedBy: operator,
    });
    const started = await ctx.start.execute(
      activityInput(
        batch,
        0,
        startOf(booking.bookingId, startAt, { coOperators: [...stillThere, crewMate] }),
      ),
    );
    await ctx.complete.execute(
      activityInput(batch, 0, completion(0, started.labels, at(base, 115))),
    );
    await clear(ctx, booking.bookingId, at(base, 116));
    expect(await rowsOf(ctx, batch)).toBe(2);
  });
});
