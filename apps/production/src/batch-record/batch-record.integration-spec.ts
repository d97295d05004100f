import { randomUUID } from 'node:crypto';
import type { BatchStepCompletion, BatchStepStart } from '@v2v/contracts';
import { SEEDED_KEY_MATERIAL_LOTS as LOTS } from '@v2v/testing';
import {
  activityInput,
  at,
  batchRecordTestContext,
  type BatchRecordTestContext,
  book,
  dayShiftBase,
  operator,
  STEPS,
  startedBatch,
  type StartedBatch,
} from './__tests__/batch-record-test-context';
import {
  ARRIVAL_TEMPERATURES,
  arrival,
  clear,
  completion,
  refusalOf,
  rowsOf,
  startOf,
} from './__tests__/batch-step-payloads';

// Real PostgreSQL: the production schema as migrated and seeded, through the services' role.
let ctx: BatchRecordTestContext;
/** The batch run through, and the co-operator decontaminated, for the append-only checks. */
let ran: StartedBatch;
let vectorWorker: string;
beforeAll(async () => {
  ctx = await batchRecordTestContext();
});
afterAll(async () => {
  await ctx?.dataSource.destroy();
  await ctx?.owner.destroy();
});

const consumptionsOf = (batch: StartedBatch) =>
  ctx.count(
    `SELECT count(*) AS n FROM production.key_material_consumption WHERE batch_number = $1`,
    [batch.batchNumber],
  );

describe('the electronic batch record on real PostgreSQL (PRD-01..08, PER-02, FAC-01, MAT-01)', () => {
  it('PRD-01 runs the five demo steps in order on the demo floor to the batch size', async () => {
    const batch = await startedBatch(ctx);
    ran = batch;
    const base = dayShiftBase(0);
    const bookings = [];
    for (const i of STEPS.keys()) bookings.push(await book(ctx, batch, i, at(base, 60 * i)));
    let totalCellCount: number | undefined;
    for (const i of STEPS.keys()) {
      const startedAt = at(base, 60 * i + 5);
      const started = await ctx.start.execute(
        activityInput(
          batch,
          i,
          startOf(bookings[i].bookingId, startedAt, {
            ...(i > 0 ? { transferArrival: arrival(startedAt, ARRIVAL_TEMPERATURES[i]) } : {}),
          }),
        ),
      );
      expect(started.deviations).toEqual([]);
      expect(started.labels).toHaveLength(STEPS[i].containers.afterFilling.length);
      const endedAt = at(base, 60 * i + 55);
      const input = activityInput(batch, i, completion(i, started.labels, endedAt));
      const completed = await ctx.complete.execute(input);
      // A retried activity gets the first record back and writes nothing more (CSV-04).
      expect(await ctx.complete.execute(input)).toEqual(completed);
      await clear(ctx, bookings[i].bookingId, at(base, 60 * i + 56));
      totalCellCount = completed.totalCellCount;
      if (STEPS[i].stepId === 'ACTIVATION-TRANSDUCTION')
        expect(completed.deviations).toEqual([
          expect.objectContaining({
            rule: 'PRD-01',
            message: expect.stringContaining('12 TU/cell'),
          }),
        ]);
    }
    expect(totalCellCount).toBe(200_000_000);
    // GEN-01: an overdue transfer raised by the workflow's timer is recorded once, however retried.
    const overdue = {
      journeyId: batch.journeyId,
      donorCode: batch.donorCode,
      batchNumber: batch.batchNumber,
      fromStepId: STEPS[4].stepId,
      departedAt: at(base, 295).toISOString(),
      dueAt: at(base, 355).toISOString(),
    };
    const raised = await ctx.transferOverdue.execute(overdue);
    expect(await ctx.transferOverdue.execute(overdue)).toEqual(raised);
    expect(raised.deviations).toEqual([
      expect.objectContaining({ rule: 'GEN-01', stepId: 'FILL' }),
    ]);
    expect(
      await ctx.count(
        `SELECT count(*) AS n FROM production.batch_deviation WHERE batch_number = $1 AND rule = 'GEN-01'`,
        [batch.batchNumber],
      ),
    ).toBe(1);
    expect(await rowsOf(ctx, batch)).toBe(10);
    expect(await consumptionsOf(batch)).toBe(5);
    const [label] = await ctx.dataSource.query(
      `SELECT label_id, content FROM production.batch_label WHERE batch_number = $1 AND step_id = 'FILL'`,
      [batch.batchNumber],
    );
    expect(label).toEqual({
      label_id: `${batch.batchNumber}-FILL-1`,
      content: `${batch.donorCode}|${batch.batchNumber}|FILL|1`,
    });
    const ended = await ctx.dataSource.query(
      `SELECT completed_at FROM production.room_booking WHERE booking_id = $1`,
      [bookings[0].bookingId],
    );
    expect(ended[0].completed_at.toISOString()).toBe(at(base, 55).toISOString());
    expect(
      await ctx.count(
        `SELECT count(*) AS n FROM production.outbox WHERE message_key = $1 AND message_type = 'batch.step-completed.v1'`,
        [batch.donorCode],
      ),
    ).toBe(5);
  });

  it('refuses a step out of order, dated after its acceptance, on the wrong booking, line, shift or crew, and a bad completion, each writing nothing', async () => {
    const other = await startedBatch(ctx);
    const batch = await startedBatch(ctx);
    const base = dayShiftBase(1);
    const othersBooking = await book(ctx, other, 0, at(base, 0));
    const onL2 = await book(ctx, batch, 0, at(base, 60), { lineCode: 'L2' });
    const onL1 = await book(ctx, batch, 0, at(base, 120));
    const startAt = at(base, 125);
    const starting = (start: BatchStepStart, index = 0) =>
      refusalOf(ctx.start.execute(activityInput(batch, index, start)));

    expect(await starting(startOf(onL1.bookingId, startAt), 1)).toMatchObject({ code: 'PRD-01' });
    // A forged update whose actor is not an operator (e.g. sent straight to Temporal).
    const forged = { ...activityInput(batch, 0, startOf(onL1.bookingId, startAt)) };
    forged.actor = { userId: 'qc', role: 'qc' };
    expect(await refusalOf(ctx.start.execute(forged))).toMatchObject({ code: 'PER-01' });
    // GEN-01: a start dated 3 days after the batch record accepted the update (forged).
    const acceptedBefore = new Date(startAt.getTime() - 3 * 86_400_000).toISOString();
    const ahead = activityInput(batch, 0, startOf(onL1.bookingId, startAt), {
      occurredAt: acceptedBefore,
    });
    expect(await refusalOf(ctx.start.execute(ahead))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(
        /startedAt: implausible instant: .* after receipt .*\(GEN-01\)$/,
      ),
    });
    expect(await starting(startOf(othersBooking.bookingId, startAt))).toMatchObject({
      code: 'PRD-04',
      message: expect.stringContaining(`it is for donor ${other.donorCode}`),
    });
    // The other batch's step never ran: without cancelling it, it would wait for line clearance.
    await ctx.cancel.execute(othersBooking.bookingId, { reason: 'IT', cancelledBy: operator });
    expect(await starting(startOf(onL2.bookingId, at(base, 65)))).toMatchObject({
      code: 'PRD-02',
      message: expect.stringContaining('line L2 on shift DAY'),
    });
    await ctx.cancel.execute(onL2.bookingId, { reason: 'IT: L2 refused', cancelledBy: operator });
    expect(await starting(startOf(onL1.bookingId, startAt, { shiftCode: 'NIGHT' }))).toMatchObject({
      code: 'PRD-02',
      message: expect.stringContaining('outside shift NIGHT'),
    });

    // PER-02: a co-operator who worked in the vector area (put on record as the owner).
    vectorWorker = `it.vector-${randomUUID().slice(0, 8)}`;
    const elsewhere = await startedBatch(ctx);
    await ctx.owner.query(
      `INSERT INTO production.batch_step_record (record_id, event_id, batch_number, donor_code, journey_id,
         step_id, step_index, kind, booking_id, room_code, area_code, shift_code, positive_material,
         operators, started_at, ended_at, summary, payload, recorded_by, recorded_by_role)
       VALUES ($1, $2, $3, $4, $5, 'VECTOR-FILL', 0, 'completion', $6, 'VEC1-R01', 'VEC-1', 'DAY', false,
         ARRAY[$7], $8, $9, 'IT: vector work', '{}', $7, 'operator')`,
      [
        randomUUID(),
        randomUUID(),
        elsewhere.batchNumber,
        elsewhere.donorCode,
        elsewhere.journeyId,
        onL1.bookingId,
        vectorWorker,
        at(base, 60),
        at(base, 100),
      ],
    );
    const crew = startOf(onL1.bookingId, startAt, { coOperators: [vectorWorker] });
    expect(await starting(crew)).toMatchObject({
      code: 'PER-02',
      message: expect.stringContaining('vector area VEC-1'),
    });
    expect(await rowsOf(ctx, batch)).toBe(0);

    await ctx.decontaminate.execute({
      person: vectorWorker,
      areaCode: 'VEC-1',
      decontaminatedAt: at(base, 110).toISOString(),
      method: 'IT: shower and change of garments',
      eventId: randomUUID(),
      recordedBy: operator,
    });
    const started = await ctx.start.execute(activityInput(batch, 0, crew));
    expect(started.labels).toHaveLength(1);

    const endedAt = at(base, 175);
    const good = completion(0, started.labels, endedAt);
    const completing = (payload: BatchStepCompletion) =>
      refusalOf(ctx.complete.execute(activityInput(batch, 0, payload)));
    const wrongScan = [{ labelId: started.labels[0].labelId, scan: othersBooking.donorCode }];
    expect(await completing({ ...good, labelConfirmations: wrongScan })).toMatchObject({
      code: 'PRD-06',
    });
    expect(
      await completing({
        ...good,
        containerInspections: good.containerInspections.filter((i) => i.phase !== 'after-filling'),
      }),
    ).toMatchObject({ code: 'PRD-07' });
    const consumable = good.consumables[0];
    expect(
      await completing({ ...good, consumables: [{ ...consumable, lotId: ' ' }] }),
    ).toMatchObject({ code: 'PRD-08' });
    const quarantined = { ...consumable, lotId: LOTS.quarantinedVector };
    expect(await completing({ ...good, consumables: [quarantined] })).toMatchObject({
      code: 'MAT-01',
    });
    const ofAnotherMaterial = { ...consumable, lotId: LOTS.interleukin2 };
    expect(await completing({ ...good, consumables: [ofAnotherMaterial] })).toMatchObject({
      code: 'PRD-08',
    });
    expect(await rowsOf(ctx, batch, 'completion')).toBe(0);
    expect(await consumptionsOf(batch)).toBe(0);

    await ctx.complete.execute(activityInput(batch, 0, good));
    await clear(ctx, onL1.bookingId, at(base, 176));
    expect(await rowsOf(ctx, batch)).toBe(2);
  });

  it('FAC-01 refuses the fill on an isolator whose integrity check fell overdue after booking', async () => {
    const batch = await startedBatch(ctx);
    const base = dayShiftBase(2);
    // Steps 0–3 on record, and a booking of ISO-302 made before its check fell due (as owner).
    const [{ booking_id: anyBooking }] = await ctx.owner.query(
      `SELECT booking_id FROM production.room_booking LIMIT 1`,
    );
    for (const i of [0, 1, 2, 3])
      for (const kind of ['start', 'completion'])
        await ctx.owner.query(
          `INSERT INTO production.batch_step_record (record_id, event_id, batch_number, donor_code, journey_id,
             step_id, step_index, kind, booking_id, room_code, area_code, shift_code, positive_material,
             operators, started_at, ended_at, summary, payload, recorded_by, recorded_by_role)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'CP1-R03', 'CP-1', 'DAY', false, ARRAY['it.operator'],
             $10, $11, 'IT: on record', $12, 'it.operator', 'operator')`,
          [
            randomUUID(),
            randomUUID(),
            batch.batchNumber,
            batch.donorCode,
            batch.journeyId,
            STEPS[i].stepId,
            i,
            kind,
            anyBooking,
            at(base, 10 * i),
            kind === 'completion' ? at(base, 10 * i + 5) : null,
            JSON.stringify(
              kind === 'completion' ? { transferDepartedAt: at(base, 10 * i + 5) } : {},
            ),
          ],
        );
    const bookingId = randomUUID();
    await ctx.owner.query(
      `INSERT INTO production.room_booking (booking_id, donor_code, product_code, process_version, step_id,
         batch_kind, validation_standing, room_code, area_code, equipment_code, equipment_class,
         line_code, operation_type, cell_culture, positive_material, starts_at, ends_at, booked_by, event_id)
       VALUES ($1, $2, 'CART-CD19', 1, 'FILL', 'commercial', 'validated', 'CP1-R03', 'CP-1', 'ISO-302',
         'isolator', 'L1', 'closed', false, false, $3, $4, 'it.manager', $5)`,
      [bookingId, batch.donorCode, at(base, 60), at(base, 120), randomUUID()],
    );
    const startedAt = at(base, 65);
    const refusal = await refusalOf(
      ctx.start.execute(
        activityInput(
          batch,
          4,
          startOf(bookingId, startedAt, { transferArrival: arrival(startedAt, [4, 6]) }),
        ),
      ),
    );
    await ctx.cancel.execute(bookingId, { reason: 'IT: FAC-01 refused', cancelledBy: operator });
    expect(refusal).toMatchObject({ code: 'FAC-01', message: expect.stringContaining('ISO-302') });
    expect(await rowsOf(ctx, batch, 'start')).toBe(4);
  });

  it('keeps the batch record append-only: UPDATE and DELETE refused to the service role, by trigger to the owner', async () => {
    const rowsOfThisRun = {
      batch_step_record: ['event_id', `batch_number = '${ran.batchNumber}'`],
      batch_label: ['content', `batch_number = '${ran.batchNumber}'`],
      batch_deviation: ['message', `batch_number = '${ran.batchNumber}'`],
      personnel_decontamination: ['method', `person = '${vectorWorker}'`],
    };
    for (const [table, [column, where]] of Object.entries(rowsOfThisRun)) {
      const [{ n }] = await ctx.owner.query(
        `SELECT count(*)::int AS n FROM production.${table} WHERE ${where}`,
      );
      expect({ table, rows: n > 0 }).toEqual({ table, rows: true });
      for (const db of [ctx.dataSource, ctx.owner]) {
        await expect(
          db.query(`UPDATE production.${table} SET ${column} = 'x' WHERE ${where}`),
        ).rejects.toMatchObject({ code: '42501' });
        await expect(
          db.query(`DELETE FROM production.${table} WHERE ${where}`),
        ).rejects.toMatchObject({ code: '42501' });
      }
    }
  });
});
