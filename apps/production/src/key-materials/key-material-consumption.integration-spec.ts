import { randomUUID } from 'node:crypto';
import { writeAudit } from '@v2v/audit';
import { custodyEventPayloadSchema, TOPICS } from '@v2v/contracts';
import { SEEDED_KEY_MATERIAL_LOTS } from '@v2v/testing';
import {
  KeyMaterialTestContext,
  keyMaterialTestContext,
  NOW,
  operator,
} from './__tests__/key-material-test-context';

// Real PostgreSQL: the production schema as migrated, written through the services' role.
let ctx: KeyMaterialTestContext;
beforeAll(async () => {
  ctx = await keyMaterialTestContext();
});
afterAll(() => ctx?.destroy());

const consumption = (donorCode: string, lotId: string, eventId = randomUUID()) => ({
  donorCode,
  lotId,
  quantity: 2.5,
  unit: 'mL',
  eventId,
  consumedBy: operator,
});

/** Nothing at all was written for this event id: no row, no audit entry, no event. */
async function expectNothingWritten(eventId: string) {
  expect(await ctx.consumptionsWithEvent(eventId)).toBe(0);
  expect(await ctx.outboxWithCause(eventId)).toBe(0);
  const [{ n }] = await ctx.dataSource.query(
    `SELECT count(*)::int AS n FROM production.audit_entry WHERE record_type = 'key-material-consumption' AND canonical_content LIKE $1`,
    [`%${eventId}%`],
  );
  expect(n).toBe(0);
}

/** A batch moved on by hand, with its audit entry as any change of a batch needs (CSV-01). */
async function auditedBatchChange(sql: string, batchNumber: string): Promise<void> {
  await ctx.dataSource.transaction(async (manager) => {
    await manager.query(sql, [batchNumber]);
    await writeAudit(manager, 'production', {
      recordType: 'batch',
      recordId: batchNumber,
      action: 'update',
      actor: { userId: 'it', role: 'ops' },
      reason: 'integration test: the batch moved on outside the step under test',
      newValue: { batchNumber },
    });
  });
}

describe('key-material consumption on real PostgreSQL (MAT-01, TRC-01)', () => {
  it('MAT-01 TRC-01 records a consumption, its audit entry and its custody event together, once per event id', async () => {
    const batch = await ctx.newBatchInProduction();
    const command = consumption(batch.donorCode, SEEDED_KEY_MATERIAL_LOTS.lentiviralVector);
    const recorded = await ctx.consume.execute(command, NOW);
    expect(recorded).toMatchObject({
      lotId: command.lotId,
      materialCode: 'LV-CD19-BBZ',
      batchNumber: batch.batchNumber,
      donorCode: batch.donorCode,
      quantity: 2.5,
      unit: 'mL',
      consumedBy: operator,
    });

    // A redelivery answers the same and writes nothing more; a different request is a conflict.
    expect(await ctx.consume.execute(command, NOW)).toEqual(recorded);
    await expect(ctx.consume.execute({ ...command, quantity: 3 }, NOW)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
    expect(await ctx.consumptionsWithEvent(command.eventId)).toBe(1);
    expect(await ctx.auditEntries('key-material-consumption', recorded.consumptionId)).toBe(1);
    const outbox = await ctx.dataSource.query(
      `SELECT topic, message_key, envelope FROM production.outbox WHERE envelope->'metadata'->>'causationId' = $1`,
      [command.eventId],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      topic: TOPICS.production,
      message_key: batch.donorCode,
      envelope: { messageType: 'key-material.consumed.v1', aggregateId: batch.donorCode },
    });
    // The ledger applies it to the donor's chain only if it is a valid custody event.
    expect(custodyEventPayloadSchema.parse(outbox[0].envelope.payload)).toMatchObject({
      donorCode: batch.donorCode,
      journeyId: batch.journeyId,
      recordId: recorded.consumptionId,
    });
  });

  it('MAT-01 refuses consumption of a lot in quarantine and writes nothing', async () => {
    const batch = await ctx.newBatchInProduction();
    const command = consumption(batch.donorCode, SEEDED_KEY_MATERIAL_LOTS.quarantinedVector);
    await expect(ctx.consume.execute(command, NOW)).rejects.toMatchObject({
      code: 'MAT-01',
      message: expect.stringContaining('in quarantine'),
    });
    await expectNothingWritten(command.eventId);
  });

  it('MAT-01 refuses consumption of an expired lot, naming its expiry date, and writes nothing', async () => {
    const batch = await ctx.newBatchInProduction();
    const command = consumption(batch.donorCode, SEEDED_KEY_MATERIAL_LOTS.expiredInterleukin2);
    await expect(ctx.consume.execute(command, NOW)).rejects.toMatchObject({
      code: 'MAT-01',
      message: expect.stringContaining('expired on 2026-06-30'),
    });
    await expectNothingWritten(command.eventId);
  });

  it('MAT-01 refuses consumption of a rejected lot and of an unknown lot', async () => {
    const batch = await ctx.newBatchInProduction();
    const rejected = await ctx.newLot({ decision: 'rejected' });
    const ofRejected = consumption(batch.donorCode, rejected.lotId);
    await expect(ctx.consume.execute(ofRejected, NOW)).rejects.toMatchObject({
      code: 'MAT-01',
      message: expect.stringContaining('rejected by QA'),
    });
    const ofUnknown = consumption(batch.donorCode, 'KML-1999-999999');
    await expect(ctx.consume.execute(ofUnknown, NOW)).rejects.toMatchObject({
      code: 'MAT-01',
      message: expect.stringContaining('unknown lot'),
    });
    await expectNothingWritten(ofRejected.eventId);
    await expectNothingWritten(ofUnknown.eventId);
  });

  it('refuses a consumption for a journey without a batch in production', async () => {
    const batch = await ctx.newBatchInProduction();
    await auditedBatchChange(
      `UPDATE production.batch SET status = 'completed' WHERE batch_number = $1`,
      batch.batchNumber,
    );
    const command = consumption(batch.donorCode, SEEDED_KEY_MATERIAL_LOTS.interleukin2);
    await expect(ctx.consume.execute(command, NOW)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('no batch in production'),
    });
    await expectNothingWritten(command.eventId);
  });

  it('MAT-01 keeps consumption rows append-only for the service role (grants) and for the owner (trigger)', async () => {
    const batch = await ctx.newBatchInProduction();
    const recorded = await ctx.consume.execute(
      consumption(batch.donorCode, SEEDED_KEY_MATERIAL_LOTS.tubingSet),
      NOW,
    );
    const id = recorded.consumptionId;
    await expect(
      ctx.dataSource.query(
        `UPDATE production.key_material_consumption SET quantity = 1 WHERE consumption_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      ctx.dataSource.query(
        `DELETE FROM production.key_material_consumption WHERE consumption_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      ctx.dataSource.query(`TRUNCATE production.key_material_consumption`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      ctx.owner.query(
        `UPDATE production.key_material_consumption SET quantity = 1 WHERE consumption_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/cannot be edited or deleted/);
    await expect(
      ctx.owner.query(`DELETE FROM production.key_material_consumption WHERE consumption_id = $1`, [
        id,
      ]),
    ).rejects.toThrow(/cannot be edited or deleted/);
    expect(await ctx.consumptionsWithEvent(recorded.eventId)).toBe(1);
  });

  it('TRC-01 traces a lot forward to every batch and donor code, and a journey back to every lot', async () => {
    const lot = await ctx.newLot({ materialCode: 'SERUM-HAB', decision: 'released' });
    const first = await ctx.newBatchInProduction();
    const second = await ctx.newBatchInProduction();
    await ctx.consume.execute(consumption(first.donorCode, lot.lotId), NOW);
    await ctx.consume.execute(consumption(second.donorCode, lot.lotId), NOW);
    await ctx.consume.execute(
      consumption(second.donorCode, SEEDED_KEY_MATERIAL_LOTS.interleukin2),
      NOW,
    );

    const forward = await ctx.genealogy.ofLot(lot.lotId);
    expect(forward.lot).toMatchObject({
      lotId: lot.lotId,
      status: 'released',
      material: { materialCode: 'SERUM-HAB', category: 'serum' },
    });
    expect(forward.consumptions.map((c) => [c.batchNumber, c.donorCode])).toEqual([
      [first.batchNumber, first.donorCode],
      [second.batchNumber, second.donorCode],
    ]);

    const backward = await ctx.genealogy.ofJourney(second.donorCode);
    expect(backward).toMatchObject({
      donorCode: second.donorCode,
      batchNumber: second.batchNumber,
      batchStatus: 'in-production',
    });
    expect(backward.consumptions.map((c) => [c.lot.lotId, c.material.materialCode])).toEqual([
      [lot.lotId, 'SERUM-HAB'],
      [SEEDED_KEY_MATERIAL_LOTS.interleukin2, 'IL2-RH'],
    ]);
    await expect(ctx.genealogy.ofLot('KML-1999-999999')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
  it('TRC-01 traces a donor code with a failed batch and its re-make back to both batches', async () => {
    const failed = await ctx.newBatchInProduction();
    await ctx.consume.execute(
      consumption(failed.donorCode, SEEDED_KEY_MATERIAL_LOTS.interleukin2),
      NOW,
    );
    await auditedBatchChange(
      `UPDATE production.batch SET status = 'rejected', rejected_at = now(), rejection_reason = 'sterility failed',
         disposition = 'destroy' WHERE batch_number = $1`,
      failed.batchNumber,
    );
    const remake = `IT-${randomUUID().slice(0, 8)}`;
    await ctx.dataSource.query(
      `INSERT INTO production.batch (batch_number, donor_code, journey_id, product_code, status, label_content, started_at)
       VALUES ($1, $2, $3, 'CART-CD19', 'in-production', '{}', now() + interval '1 day')`,
      [remake, failed.donorCode, failed.journeyId],
    );
    await ctx.consume.execute(
      consumption(failed.donorCode, SEEDED_KEY_MATERIAL_LOTS.interleukin2),
      NOW,
    );

    const backward = await ctx.genealogy.ofJourney(failed.donorCode);
    expect(backward).toMatchObject({
      batchNumber: remake,
      batchStatus: 'in-production',
      batches: [
        { batchNumber: failed.batchNumber, status: 'rejected' },
        { batchNumber: remake, status: 'in-production' },
      ],
    });
    expect(backward.consumptions.map((c) => c.batchNumber)).toEqual([failed.batchNumber, remake]);
  });
});
