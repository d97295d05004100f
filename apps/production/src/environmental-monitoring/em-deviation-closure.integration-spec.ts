import { randomUUID } from 'node:crypto';
import {
  at,
  EmTestContext,
  emTestContext,
  qa,
  refusal,
  session,
} from './__tests__/em-test-context';

// Real PostgreSQL: the production schema as migrated, written through the services' role. QA's
// signed closure of the journey deviations an excursion raised (PRD-05, DON-06.4).
let ctx: EmTestContext;
beforeAll(async () => {
  ctx = await emTestContext();
});
afterAll(() => ctx?.destroy());

describe("the closure of an excursion's deviations on real PostgreSQL (PRD-05, DON-06.4)", () => {
  it('PRD-05 DON-06.4 closes the journey deviation of an excursion once, signed by QA', async () => {
    const roomCode = await ctx.newRoom('D');
    const donorCode = ctx.donorCode();
    await ctx.book(roomCode, donorCode, at(-5), at(-2));
    const high = { kind: 'viable-air' as const, zoneGrade: 'D' as const, sampleLocation: 'door' };
    const [excursion] = (
      await ctx.recordSession.execute(session(roomCode, [{ ...high, value: 250 }]))
    ).excursions;
    const [deviation] = await ctx.deviations.list(donorCode);
    expect(deviation).toMatchObject({
      deviationId: excursion.exposedBatches[0].deviationId,
      description: expect.stringContaining(`viable-air excursion in room ${roomCode}`),
      status: 'open',
    });
    const closure = {
      investigation: 'door held open during a material transfer',
      rootCause: 'transfer hatch out of service',
      correctiveAction: 'hatch repaired; transfers through the hatch only',
    };
    const close = (signer = qa) =>
      ctx.closeDeviation.execute(deviation.deviationId, {
        donorCode,
        ...closure,
        eventId: randomUUID(),
        closedBy: signer,
        signature: ctx.closureSignature(deviation.deviationId, donorCode, closure, signer),
      });
    const forged = ctx.closeDeviation.execute(deviation.deviationId, {
      donorCode,
      ...closure,
      rootCause: 'another text than the one signed',
      eventId: randomUUID(),
      closedBy: qa,
      signature: ctx.closureSignature(deviation.deviationId, donorCode, closure),
    });
    expect(await refusal(forged)).toMatch(/^CSV-02: /);
    expect(await refusal(close())).toBe('allowed');
    expect(await refusal(close())).toBe(
      `DEVIATION_ALREADY_CLOSED: deviation ${deviation.deviationId} is already closed`,
    );
    expect(await ctx.deviations.list(donorCode)).toEqual([
      expect.objectContaining({ ...closure, closedBy: qa.userId, status: 'closed' }),
    ]);
    expect(
      await ctx.count(
        `SELECT count(*)::int AS n FROM production.electronic_signature WHERE record_type = 'deviation-closure' AND record_id = $1`,
        [deviation.deviationId],
      ),
    ).toBe(1);
    expect(
      await refusal(
        ctx.closeDeviation.execute(deviation.deviationId, {
          donorCode: ctx.donorCode(),
          ...closure,
          eventId: randomUUID(),
          closedBy: qa,
          signature: ctx.closureSignature(deviation.deviationId, donorCode, closure),
        }),
      ),
    ).toMatch(/^NOT_FOUND: /);
  });

  it('PRD-05 CSV-01 answers a closure retried under its event id as the first time, and only that closure', async () => {
    const roomCode = await ctx.newRoom('D');
    const [donorCode, otherCode] = [ctx.donorCode(), ctx.donorCode()];
    await ctx.book(roomCode, donorCode, at(-5), at(-2));
    await ctx.book(roomCode, otherCode, at(-5), at(-2));
    const high = { kind: 'viable-air' as const, zoneGrade: 'D' as const, sampleLocation: 'door' };
    await ctx.recordSession.execute(session(roomCode, [{ ...high, value: 250 }]));
    const [{ deviationId }] = await ctx.deviations.list(donorCode);
    const [other] = await ctx.deviations.list(otherCode);
    const closure = {
      investigation: 'door held open during a material transfer',
      rootCause: 'transfer hatch out of service',
      correctiveAction: 'hatch repaired; transfers through the hatch only',
    };
    // The gateway seals a new signature for every attempt; the event id stays the request's.
    const command = (id: string, code: string, eventId: string) => ({
      donorCode: code,
      ...closure,
      eventId,
      closedBy: qa,
      signature: ctx.closureSignature(id, code, closure),
    });
    const eventId = randomUUID();
    const closed = await ctx.closeDeviation.execute(
      deviationId,
      command(deviationId, donorCode, eventId),
    );
    // Its answer lost, the same request again: answered as the first time, nothing written.
    expect(
      await ctx.closeDeviation.execute(deviationId, command(deviationId, donorCode, eventId)),
    ).toEqual(closed);
    const rows = (table: string, column: string, extra = '') =>
      ctx.count(`SELECT count(*)::int AS n FROM production.${table} WHERE ${column} = $1${extra}`, [
        deviationId,
      ]);
    expect(await rows('em_deviation_closure', 'deviation_id')).toBe(1);
    expect(
      await rows('electronic_signature', 'record_id', ` AND record_type = 'deviation-closure'`),
    ).toBe(1);
    expect(
      await rows('audit_entry', 'record_id', ` AND record_type = 'em-deviation-closure'`),
    ).toBe(1);
    expect(
      await refusal(
        ctx.closeDeviation.execute(deviationId, command(deviationId, donorCode, randomUUID())),
      ),
    ).toBe(`DEVIATION_ALREADY_CLOSED: deviation ${deviationId} is already closed`);
    expect(
      await refusal(
        ctx.closeDeviation.execute(
          other.deviationId,
          command(other.deviationId, otherCode, eventId),
        ),
      ),
    ).toBe(
      `IDEMPOTENCY_CONFLICT: event id ${eventId} was already used to close deviation ${deviationId}`,
    );
    expect(await ctx.deviations.list(otherCode)).toEqual([
      expect.objectContaining({ deviationId: other.deviationId, status: 'open' }),
    ]);
  });
});
