import { randomUUID } from 'node:crypto';
import type { EmResultEntry } from '@v2v/contracts';
import {
  at,
  EmTestContext,
  emTestContext,
  qa,
  qc,
  refusal,
  session,
} from './__tests__/em-test-context';

// Real PostgreSQL: the production schema as migrated (the calendar's room_booking included),
// written through the services' role.
let ctx: EmTestContext;
beforeAll(async () => {
  ctx = await emTestContext();
});
afterAll(() => ctx?.destroy());

const inLimits: EmResultEntry[] = [
  { kind: 'settle-plate', zoneGrade: 'A', sampleLocation: 'BSC work surface', value: 0 },
  { kind: 'viable-air', zoneGrade: 'B', sampleLocation: 'room centre', value: 8 },
  { kind: 'particles-0.5um', zoneGrade: 'B', sampleLocation: 'room centre', value: 300_000 },
];
const growth: EmResultEntry = {
  kind: 'settle-plate',
  zoneGrade: 'A',
  sampleLocation: 'BSC work surface',
  value: 1,
};

describe('environmental monitoring on real PostgreSQL (PRD-05)', () => {
  it('PRD-05 records a session in limits, judged by the system, without an excursion, once per event id', async () => {
    const roomCode = await ctx.newRoom('A-in-B');
    const command = session(roomCode, inLimits);
    const recorded = await ctx.recordSession.execute(command);
    expect(recorded.results.map((r) => [r.kind, r.limit, r.outcome])).toEqual([
      ['settle-plate', 0, 'within-limit'],
      ['viable-air', 10, 'within-limit'],
      ['particles-0.5um', 352_000, 'within-limit'],
    ]);
    expect(recorded.excursions).toEqual([]);
    const again = await ctx.recordSession.execute(command);
    expect(again.sessionId).toBe(recorded.sessionId);
    expect(
      await ctx.count(`SELECT count(*)::int AS n FROM production.em_result WHERE session_id = $1`, [
        recorded.sessionId,
      ]),
    ).toBe(3);
    expect(
      await ctx.count(
        `SELECT count(*)::int AS n FROM production.audit_entry WHERE record_type = 'em-session' AND record_id = $1`,
        [recorded.sessionId],
      ),
    ).toBe(1);
  });

  it('PRD-05 refuses a grade C zone in an A-in-B room and writes nothing', async () => {
    const roomCode = await ctx.newRoom('A-in-B');
    const command = session(roomCode, [
      ...inLimits,
      { kind: 'contact-plate', zoneGrade: 'C', sampleLocation: 'floor', value: 3 },
    ]);
    expect(await refusal(ctx.recordSession.execute(command))).toMatch(
      /^PRD-05: room IT-R-\w+ \(grade A-in-B\) has no grade C zone/,
    );
    expect(await ctx.repository.sessions({ roomCode })).toEqual([]);
  });

  it('PRD-05 opens an excursion for 1 cfu on a grade A settle plate, exposing the batches booked in the room during the session', async () => {
    const roomCode = await ctx.newRoom('A-in-B');
    const otherRoom = await ctx.newRoom('A-in-B');
    const [inRoom, cancelled, before, elsewhere, noBatch] = Array.from({ length: 5 }, () =>
      ctx.donorCode(),
    );
    const bookingId = await ctx.book(roomCode, inRoom, at(-6), at(-3));
    await ctx.book(roomCode, cancelled, at(-5), at(-2), 'cancelled');
    await ctx.book(roomCode, before, at(-9), at(-4.5));
    await ctx.book(otherRoom, elsewhere, at(-4), at(-1));
    await ctx.book(roomCode, noBatch, at(-2), at(2));
    const batchNumber = await ctx.batchInProduction(inRoom);

    const recorded = await ctx.recordSession.execute(session(roomCode, [...inLimits, growth]));
    expect(recorded.excursions).toHaveLength(1);
    const [excursion] = recorded.excursions;
    expect(excursion).toMatchObject({
      roomCode,
      kind: 'settle-plate',
      microbial: true,
      zoneGrade: 'A',
      value: 1,
      limit: 0,
      organism: null,
      open: true,
      pending: [
        'organism identification',
        ...[inRoom, noBatch].sort().map((d) => `impact assessment of the batch of ${d}`),
      ],
    });
    // Two exposed batches in either order (the donor codes are random).
    expect(excursion.exposedBatches).toHaveLength(2);
    expect(excursion.exposedBatches).toEqual(
      expect.arrayContaining([
        {
          donorCode: inRoom,
          productCode: 'CART-CD19',
          bookingIds: [bookingId],
          batchNumber,
          deviationId: expect.any(String),
          assessment: null,
        },
        expect.objectContaining({ donorCode: noBatch, batchNumber: null }),
      ]),
    );
    expect((await ctx.holds.holdsOf(inRoom)).releasable).toBe(false);
    for (const unaffected of [cancelled, before, elsewhere])
      expect(await ctx.holds.holdsOf(unaffected)).toEqual({
        donorCode: unaffected,
        releasable: true,
        holds: [],
      });
  });

  it('PRD-05 keeps results append-only (UPDATE, DELETE refused to the service role, by trigger to the owner) and refuses an outcome contradicting value and limit', async () => {
    const roomCode = await ctx.newRoom('D');
    const recorded = await ctx.recordSession.execute(
      session(roomCode, [
        { kind: 'viable-air', zoneGrade: 'D', sampleLocation: 'door', value: 250 },
      ]),
    );
    const resultId = recorded.results[0].resultId;
    await expect(
      ctx.dataSource.query(`UPDATE production.em_result SET value = 10 WHERE result_id = $1`, [
        resultId,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      ctx.dataSource.query(`DELETE FROM production.em_excursion WHERE result_id = $1`, [resultId]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      ctx.owner.query(`UPDATE production.em_result SET value = 10 WHERE result_id = $1`, [
        resultId,
      ]),
    ).rejects.toThrow(/recorded once and never changed or deleted \(PRD-05\)/);
    // The outcome is the system's: a row contradicting value and limit is refused, whoever writes.
    await expect(
      ctx.dataSource.query(
        `INSERT INTO production.em_result (result_id, session_id, event_id, position, kind, unit, zone_grade,
           sample_location, value, limit_value, outcome, recorded_by, recorded_by_role)
         VALUES ($1, $2, $3, 0, 'viable-air', 'cfu/m³', 'D', 'door', 250, 200, 'within-limit', 'it', 'qc')`,
        [randomUUID(), recorded.sessionId, randomUUID()],
      ),
    ).rejects.toThrow(/CHK_em_result_outcome/);
  });

  it('PRD-05 corrects a result with a new entry naming it; the original and its excursion stay', async () => {
    const roomCode = await ctx.newRoom('A-in-B');
    const recorded = await ctx.recordSession.execute(session(roomCode, [growth]));
    const original = recorded.results[0];
    const corrected = await ctx.recordResults.execute(recorded.sessionId, {
      results: [
        {
          ...growth,
          value: 0,
          correctsResultId: original.resultId,
          correctionReason: 'plate of the next room read by mistake',
        },
      ],
      eventId: randomUUID(),
      recordedBy: qc,
    });
    expect(corrected.results.map((r) => [r.value, r.correctsResultId])).toEqual([
      [1, null],
      [0, original.resultId],
    ]);
    expect(corrected.excursions).toHaveLength(1);
    const second = ctx.recordResults.execute(recorded.sessionId, {
      results: [{ ...growth, correctsResultId: original.resultId, correctionReason: 'again' }],
      eventId: randomUUID(),
      recordedBy: qc,
    });
    expect(await refusal(second)).toMatch(/^PRD-05: .*already corrected by result/);
  });

  it('PRD-05 CSV-02 holds the exposed batch until the organism is identified and QA signs no impact', async () => {
    const roomCode = await ctx.newRoom('A-in-B');
    const donorCode = ctx.donorCode();
    await ctx.book(roomCode, donorCode, at(-5), at(-2));
    const batchNumber = await ctx.batchInProduction(donorCode);
    const [excursion] = (await ctx.recordSession.execute(session(roomCode, [growth]))).excursions;
    const { excursionId } = excursion;
    expect(await refusal(ctx.holds.requireNoBatchReleaseHold({ donorCode, batchNumber }))).toMatch(
      /: organism not identified, impact not assessed \(PRD-05\)$/,
    );
    const rationale = 'Micrococcus luteus, skin flora; product sterility negative';
    const assess = (conclusion: 'no-impact' | 'impact-further-investigation', by = qa) =>
      ctx.assess.execute(excursionId, {
        donorCode,
        conclusion,
        rationale,
        eventId: randomUUID(),
        assessedBy: by,
        signature: ctx.signature(excursionId, donorCode, conclusion, rationale, by),
      });

    expect(await refusal(assess('no-impact'))).toBe(
      `PRD-05: identify the organism of excursion ${excursionId} before assessing its impact (PRD-05)`,
    );
    await ctx.identify.execute(excursionId, {
      genus: 'Micrococcus',
      species: 'luteus',
      method: 'MALDI-TOF',
      eventId: randomUUID(),
      identifiedBy: qc,
    });
    const forged = ctx.assess.execute(excursionId, {
      donorCode,
      conclusion: 'no-impact',
      rationale: 'another text than the one signed',
      eventId: randomUUID(),
      assessedBy: qa,
      signature: ctx.signature(excursionId, donorCode, 'no-impact', rationale),
    });
    expect(await refusal(forged)).toMatch(/^CSV-02: /);

    await assess('impact-further-investigation');
    expect((await ctx.holds.holdsOf(donorCode)).holds).toEqual([
      expect.objectContaining({
        excursionId,
        roomCode,
        reason: 'impact under further investigation',
      }),
    ]);
    // The journey's gate before releaseBatch (an activity) refuses while the hold is open.
    expect(await refusal(ctx.holds.requireNoBatchReleaseHold({ donorCode, batchNumber }))).toBe(
      `PRD-05: the batch of ${donorCode} (${batchNumber}) is not releasable: settle-plate excursion ${excursionId} in room ${roomCode} during session ${excursion.sessionId} (${excursion.sessionStartedAt}–${excursion.sessionEndedAt}): impact under further investigation (PRD-05)`,
    );
    const cleared = await assess('no-impact');
    expect(cleared).toMatchObject({ open: false, pending: [] });
    expect(await ctx.holds.holdsOf(donorCode)).toEqual({ donorCode, releasable: true, holds: [] });
    await expect(
      ctx.holds.requireNoBatchReleaseHold({ donorCode, batchNumber }),
    ).resolves.toBeUndefined();
    expect(await refusal(assess('no-impact'))).toMatch(/already concluded no-impact \(PRD-05\)$/);
    expect(
      await ctx.count(
        `SELECT count(*)::int AS n FROM production.em_impact_assessment WHERE excursion_id = $1`,
        [excursionId],
      ),
    ).toBe(2);
  });

  it('PRD-05 allows the check of a recorded assessment retried under its event id, and only then', async () => {
    const roomCode = await ctx.newRoom('A-in-B');
    const donorCode = ctx.donorCode();
    await ctx.book(roomCode, donorCode, at(-5), at(-2));
    const [{ excursionId }] = (await ctx.recordSession.execute(session(roomCode, [growth])))
      .excursions;
    await ctx.identify.execute(excursionId, {
      genus: 'Micrococcus',
      species: 'luteus',
      method: 'MALDI-TOF',
      eventId: randomUUID(),
      identifiedBy: qc,
    });
    const rationale = 'skin flora; product sterility negative';
    const command = {
      donorCode,
      conclusion: 'no-impact' as const,
      rationale,
      eventId: randomUUID(),
      assessedBy: qa,
      signature: ctx.signature(excursionId, donorCode, 'no-impact', rationale),
    };
    const assessed = await ctx.assess.execute(excursionId, command);
    // Its answer lost, the same request again: checked allowed, answered as the first time.
    expect(await ctx.assess.check(excursionId, donorCode, command.eventId)).toEqual({
      excursionId,
      donorCode,
      allowed: true,
    });
    expect(await ctx.assess.execute(excursionId, command)).toEqual(assessed);
    expect(
      await ctx.count(
        `SELECT count(*)::int AS n FROM production.em_impact_assessment WHERE excursion_id = $1`,
        [excursionId],
      ),
    ).toBe(1);
    expect(await refusal(ctx.assess.check(excursionId, donorCode, randomUUID()))).toMatch(
      /already concluded no-impact \(PRD-05\)$/,
    );
  });

  it('PRD-05 raises one deviation.raised.v1 per exposed donor code with the excursion, once per event id', async () => {
    const roomCode = await ctx.newRoom('A-in-B');
    const donors = [ctx.donorCode(), ctx.donorCode()];
    for (const donorCode of donors) await ctx.book(roomCode, donorCode, at(-5), at(-2));
    const batchNumber = await ctx.batchInProduction(donors[0]);
    const command = session(roomCode, [growth]);
    const [excursion] = (await ctx.recordSession.execute(command)).excursions;
    await ctx.recordSession.execute(command);

    const raised: Array<{ message_key: string; envelope: { payload: Record<string, unknown> } }> =
      await ctx.dataSource.query(
        `SELECT message_key, envelope FROM production.outbox WHERE message_type = 'deviation.raised.v1'
            AND message_key = ANY($1) ORDER BY message_key`,
        [donors],
      );
    expect(raised.map((r) => r.message_key)).toEqual([...donors].sort());
    for (const { message_key: donorCode, envelope } of raised) {
      const exposed = excursion.exposedBatches.find((b) => b.donorCode === donorCode)!;
      expect(envelope.payload).toMatchObject({
        donorCode,
        journeyId: `journey-${donorCode}`,
        recordId: exposed.deviationId,
        detail: {
          source: 'em-excursion',
          rule: 'PRD-05',
          deviationId: exposed.deviationId,
          excursionId: excursion.excursionId,
          batchNumber: donorCode === donors[0] ? batchNumber : null,
          description: expect.stringMatching(
            new RegExp(
              `^settle-plate excursion in room ${roomCode} during session ${excursion.sessionId} .*: 1 cfu/4 h at BSC work surface \\(grade A\\) above the limit of 0 cfu/4 h;`,
            ),
          ),
        },
      });
    }
  });
});
