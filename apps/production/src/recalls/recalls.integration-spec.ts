import { randomUUID } from 'node:crypto';
import {
  type CreateRecallCommand,
  RECALL_RECORD_TYPE,
  recallNotifiedPayloadSchema,
  recallSignedDetail,
  TOPICS,
} from '@v2v/contracts';
import { SystemClock } from '@v2v/service-kit';
import {
  sealSignature,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
  SignatureRecorder,
} from '@v2v/signatures';
import {
  KeyMaterialTestContext,
  keyMaterialTestContext,
  NOW,
  operator,
  qa,
} from '../key-materials/__tests__/key-material-test-context';
import { RecallRepository } from './recall.repository';
import { CreateRecallUseCase } from './usecases/create-recall.usecase';
import { RecordRecallDispositionUseCase } from './usecases/record-recall-disposition.usecase';

// Real PostgreSQL: the production schema as migrated, written through the services' role.
let ctx: KeyMaterialTestContext;
let recalls: RecallRepository;
let create: CreateRecallUseCase;
let dispose: RecordRecallDispositionUseCase;
beforeAll(async () => {
  ctx = await keyMaterialTestContext();
  recalls = new RecallRepository(ctx.dataSource);
  const clock = new SystemClock();
  create = new CreateRecallUseCase(
    ctx.dataSource,
    recalls,
    new SignatureRecorder('production', signatureSealPublicKey()),
    clock,
  );
  dispose = new RecordRecallDispositionUseCase(ctx.dataSource, recalls, clock);
});
afterAll(() => ctx?.destroy());

type Target = Pick<CreateRecallCommand, 'scope' | 'batchNumber' | 'lotId'>;

/** The command as the gateway sends it: its event id is the recall id, sealed by QA (CSV-02). */
function recallCommand(target: Target, eventId: string = randomUUID()): CreateRecallCommand {
  const asked = {
    ...target,
    reason: 'supplier notice: endotoxin above its limit on retest',
    classification: 'II' as const,
  };
  const signature = sealSignature(
    signatureOf(
      {
        meaning: 'recalled',
        recordType: RECALL_RECORD_TYPE,
        recordId: eventId,
        detail: recallSignedDetail(asked),
      },
      qa,
      NOW,
    ),
    signatureSealPrivateKey(),
  );
  return { ...asked, eventId, decidedBy: qa, signature };
}

async function batchConsuming(lotId: string) {
  const batch = await ctx.newBatchInProduction();
  await ctx.consume.execute(
    {
      donorCode: batch.donorCode,
      lotId,
      quantity: 1,
      unit: 'mL',
      eventId: randomUUID(),
      consumedBy: operator,
    },
    NOW,
  );
  return batch;
}

const recallEvents = (recallId: string) =>
  ctx.dataSource.query(
    `SELECT topic, message_key, envelope FROM production.outbox
      WHERE message_type = 'recall.notified.v1' AND envelope->'metadata'->>'causationId' = $1
      ORDER BY message_key`,
    [recallId],
  );

describe('recalls on real PostgreSQL (QA-04, TRC-01)', () => {
  it('TRC-01 QA-04 finds the two journeys of a lot through the genealogy and records a unit and a recall.notified.v1 for each, once per event id', async () => {
    const lot = await ctx.newLot({ decision: 'released' });
    const first = await batchConsuming(lot.lotId);
    const second = await batchConsuming(lot.lotId);
    await ctx.newBatchInProduction(); // a batch that never consumed the lot is not reached
    const reached = [first, second].sort((a, b) => (a.donorCode < b.donorCode ? -1 : 1));

    const target = { scope: 'key-material-lot', lotId: lot.lotId } as const;
    const asked = recallCommand(target);
    const check = await create.check(asked);
    expect(check.units.map((u) => u.donorCode)).toEqual(reached.map((b) => b.donorCode));

    const recall = await create.execute(asked);
    expect(recall).toMatchObject({
      recallId: asked.eventId,
      scope: 'key-material-lot',
      lotId: lot.lotId,
      batchNumber: null,
      classification: 'II',
      decidedBy: qa,
      signatureId: asked.signature.signatureId,
    });
    expect(recall.units).toEqual(
      reached.map((b) => ({
        donorCode: b.donorCode,
        journeyId: b.journeyId,
        batchNumbers: [b.batchNumber],
        status: 'open',
        disposition: null,
      })),
    );
    const events = await recallEvents(recall.recallId);
    expect(events.map((e: { message_key: string }) => e.message_key)).toEqual(
      reached.map((b) => b.donorCode),
    );
    for (const [i, e] of events.entries()) {
      expect(e.topic).toBe(TOPICS.production);
      expect(recallNotifiedPayloadSchema.parse(e.envelope.payload)).toMatchObject({
        donorCode: reached[i].donorCode,
        recordId: recall.recallId,
        detail: {
          recallId: recall.recallId,
          subject: lot.lotId,
          batchNumbers: [reached[i].batchNumber],
        },
      });
    }
    expect(await ctx.auditEntries('recall', recall.recallId)).toBe(1);

    // A redelivery of the same decision (signed again) answers the same and records nothing more.
    expect(await create.execute(recallCommand(target, asked.eventId))).toEqual(recall);
    expect(await recallEvents(recall.recallId)).toHaveLength(2);
    await expect(
      create.execute({ ...recallCommand(target, asked.eventId), classification: 'I' }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('QA-04 refuses a recall of a lot no batch consumed and leaves no signature, recall or event', async () => {
    const lot = await ctx.newLot({ decision: 'released' });
    const asked = recallCommand({ scope: 'key-material-lot', lotId: lot.lotId });
    await expect(create.check(asked)).rejects.toMatchObject({ code: 'QA-04' });
    await expect(create.execute(asked)).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining('reaches no journey'),
    });
    expect(await recalls.recall(asked.eventId)).toBeUndefined();
    expect(await recallEvents(asked.eventId)).toHaveLength(0);
    expect(
      await ctx.count(
        `SELECT count(*)::int AS n FROM production.electronic_signature WHERE record_id = $1`,
        [asked.eventId],
      ),
    ).toBe(0);
    await expect(
      create.execute(recallCommand({ scope: 'batch', batchNumber: 'IT-no-such-batch' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('QA-04 refuses any further consumption of a recalled lot, naming the recall, and writes nothing', async () => {
    const lot = await ctx.newLot({ decision: 'released' });
    await batchConsuming(lot.lotId);
    const recall = await create.execute(
      recallCommand({ scope: 'key-material-lot', lotId: lot.lotId }),
    );
    const batch = await ctx.newBatchInProduction();
    const eventId = randomUUID();
    const consumption = {
      donorCode: batch.donorCode,
      lotId: lot.lotId,
      quantity: 1,
      unit: 'mL',
      eventId,
      consumedBy: operator,
    };
    await expect(ctx.consume.execute(consumption, NOW)).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining(`recalled by recall ${recall.recallId} (class II`),
    });
    expect(await ctx.consumptionsWithEvent(eventId)).toBe(0);
    expect(await ctx.outboxWithCause(eventId)).toBe(0);
    // The recall reached only the batch that had consumed the lot before it.
    expect((await recalls.recall(recall.recallId))?.units).toHaveLength(1);
  });

  it("QA-04 records a unit's end once and keeps recalls append-only", async () => {
    const batch = await ctx.newBatchInProduction();
    const recall = await create.execute(
      recallCommand({ scope: 'batch', batchNumber: batch.batchNumber }),
    );
    const disposition = {
      disposition: 'already-infused' as const,
      note: 'infused 2026-11-20; the site follows the patient up',
      eventId: randomUUID(),
      recordedBy: { userId: 'it.ops', role: 'ops' as const },
    };
    const ended = await dispose.execute(recall.recallId, batch.donorCode, disposition);
    expect(ended).toMatchObject({
      donorCode: batch.donorCode,
      status: 'patient-follow-up',
      disposition: { disposition: 'already-infused', recordedBy: disposition.recordedBy },
    });
    expect(await dispose.execute(recall.recallId, batch.donorCode, disposition)).toEqual(ended);
    await expect(
      dispose.execute(recall.recallId, batch.donorCode, {
        ...disposition,
        disposition: 'destroyed',
        eventId: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'QA-04', message: expect.stringContaining('already ended') });
    expect(
      await ctx.count(
        `SELECT count(*)::int AS n FROM production.outbox
          WHERE message_type = 'recall.unit-dispositioned.v1' AND message_key = $1`,
        [batch.donorCode],
      ),
    ).toBe(1);

    await expect(
      ctx.dataSource.query(`UPDATE production.recall SET reason = 'x' WHERE recall_id = $1`, [
        recall.recallId,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      ctx.dataSource.query(`DELETE FROM production.recall_unit_disposition WHERE recall_id = $1`, [
        recall.recallId,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      ctx.owner.query(`DELETE FROM production.recall_unit WHERE recall_id = $1`, [recall.recallId]),
    ).rejects.toThrow(/recorded once and never changed or deleted \(QA-04\)/);
  });
});
