import { randomInt, randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Client as PgClient } from 'pg';
import {
  BATCH_RECORD_WORKFLOW_TYPE,
  BatchRecordView,
  batchRecordWorkflowId,
  completeBatchStepUpdate,
  formatDonorCode,
  formatDonorCodeEyeReadable,
  generateDonorUniqueCode,
  JourneyView,
  parseDonorCode,
} from '@v2v/contracts';
import { databaseUrl } from '@v2v/database';
import {
  batchStepCompletion,
  bookDemoStep,
  DEMO_PROCESS_CART_CD19,
  happyPathSteps,
  shiftAt,
  stepsBefore,
} from '@v2v/testing';
import { api, newOrder, useTemporal } from './support/journeys';
import { decodeDataMatrix, labelFile, pdfText } from './support/labels';

const temporal = useTemporal();
const [SELECTION, ACTIVATION] = DEMO_PROCESS_CART_CD19.steps;
const FILL = DEMO_PROCESS_CART_CD19.steps.at(-1)!;
const cellCount = (FILL.parameters[0].min + FILL.parameters[0].max) / 2;

interface Refusal {
  code: string;
  message: string;
}

const journeyView = async (donorCode: string) =>
  (await api.as<{ view: JourneyView }>('ops', 'GET', `/api/journeys/${donorCode}`)).body.view;

const batchRecord = async (donorCode: string) =>
  api.as<BatchRecordView & { temporalUiUrl: string }>(
    'qa-qp',
    'GET',
    `/api/journeys/${donorCode}/batch-record`,
  );

const stepUrl = (donorCode: string, stepId: string, action: 'start' | 'complete') =>
  `/api/journeys/${donorCode}/batch-record/steps/${stepId}/${action}`;

const startBody = (bookingId: string) => {
  const now = new Date();
  return { bookingId, shiftCode: shiftAt(now), startedAt: now.toISOString(), coOperators: [] };
};

/** A journey in production: its batch started, its batch record not yet taken. */
async function journeyInProduction() {
  const order = await newOrder();
  const steps = happyPathSteps({ ...order, batchRecord: false });
  for (const scripted of stepsBefore(steps, 'recordQcResult'))
    expect({
      step: scripted.step,
      status: (await api.run(order.donorCode, scripted)).status,
    }).toEqual({ step: scripted.step, status: 200 });
  return order;
}

describe('the electronic batch record through the gateway (PRD-01, PRD-04, PRD-06)', () => {
  it('PRD-01 takes a journey through its full batch record to qc with the cell count, as the Temporal child batch-<batch number>', async () => {
    const order = await newOrder();
    for (const scripted of stepsBefore(happyPathSteps(order), 'recordQcResult'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);

    const journey = await journeyView(order.donorCode);
    expect(journey.stage).toBe('qc');
    expect(journey.batchNumber).toEqual(expect.any(String));
    const record = await batchRecord(order.donorCode);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      batchNumber: journey.batchNumber,
      donorCode: order.donorCode,
      completed: true,
      totalCellCount: cellCount,
      deviations: [],
    });
    expect(record.body.steps.map((s) => [s.stepId, s.status])).toEqual(
      DEMO_PROCESS_CART_CD19.steps.map((s) => [s.stepId, 'completed']),
    );

    const child = await temporal()
      .workflow.getHandle(batchRecordWorkflowId(journey.batchNumber!))
      .describe();
    expect(child.type).toBe(BATCH_RECORD_WORKFLOW_TYPE);
    expect(child.status.name).toBe('COMPLETED');
    expect(record.body.temporalUiUrl).toContain(batchRecordWorkflowId(journey.batchNumber!));

    const [first] = record.body.labels;
    const base = `/api/journeys/${order.donorCode}/batch-record/labels/${first.labelId}`;
    const pdf = await labelFile(api, 'operator', `${base}.pdf`);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    const text = pdfText(pdf.body);
    expect(text).toContain(formatDonorCodeEyeReadable(parseDonorCode(order.donorCode)));
    expect(text).toContain(journey.batchNumber);
    const png = await labelFile(api, 'production-manager', `${base}.png`);
    expect(png).toMatchObject({ status: 200, type: 'image/png' });
    expect(decodeDataMatrix(png.body)).toBe(first.content);
    expect((await labelFile(api, 'qc', `${base}.png`)).status).toBe(403);
  });

  it('refuses a step out of order, a start on another journey’s booking (PRD-04), a wrong label scan (PRD-06), a container not inspected (PRD-07), a consumable without its lot (PRD-08) and a manual completion (PRD-01), advancing nothing', async () => {
    const order = await journeyInProduction();
    const { donorCode } = order;

    const manual = await api.step<Refusal>('operator', donorCode, 'completeProduction', {
      totalCellCount: 250_000_000,
    });
    // PRD-01's refusals are 400 (domain-error.ts: 'invalid'), whatever refuses them.
    expect(manual).toMatchObject({
      status: 400,
      body: { code: 'PRD-01', message: expect.stringContaining('last step') },
    });

    const outOfOrder = await api.as<Refusal>(
      'operator',
      'POST',
      stepUrl(donorCode, ACTIVATION.stepId, 'start'),
      {
        body: startBody(randomUUID()),
        idempotencyKey: randomUUID(),
      },
    );
    expect(outOfOrder).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER' } });

    // Another batch's booking of the same step: the start checks the booking is this batch's.
    const other = formatDonorCode(
      generateDonorUniqueCode({ facility: 'Z9999', year: 2026, sequence: randomInt(1, 999_999) }),
    );
    const foreignBooking = await bookDemoStep(api, other, SELECTION);
    const onForeign = await api.as<Refusal>(
      'operator',
      'POST',
      stepUrl(donorCode, SELECTION.stepId, 'start'),
      {
        body: startBody(foreignBooking),
        idempotencyKey: randomUUID(),
      },
    );
    expect(onForeign).toMatchObject({ status: 409, body: { code: 'PRD-04' } });
    const cancelled = await api.as(
      'production-manager',
      'POST',
      `/api/production-calendar/bookings/${foreignBooking}/cancel`,
      { body: { reason: 'e2e: booked only to show the PRD-04 refusal' } },
    );
    expect(cancelled.status).toBe(200);
    expect((await batchRecord(donorCode)).body.steps.map((s) => s.status)).toEqual(
      DEMO_PROCESS_CART_CD19.steps.map(() => 'pending'),
    );

    const bookingId = await bookDemoStep(api, donorCode, SELECTION);
    const started = await api.as<BatchRecordView>(
      'operator',
      'POST',
      stepUrl(donorCode, SELECTION.stepId, 'start'),
      {
        body: startBody(bookingId),
        idempotencyKey: randomUUID(),
      },
    );
    expect(started.status).toBe(200);
    const labels = started.body.labels.filter((l) => l.stepId === SELECTION.stepId);
    expect(labels.length).toBeGreaterThan(0);

    const completion = batchStepCompletion(SELECTION, labels);
    const misread = {
      ...completion,
      labelConfirmations: completion.labelConfirmations.map((c, i) =>
        i === 0 ? { ...c, scan: `${c.scan}-OTHER` } : c,
      ),
    };
    const wrongScan = await api.as<Refusal>(
      'operator',
      'POST',
      stepUrl(donorCode, SELECTION.stepId, 'complete'),
      {
        body: misread,
        idempotencyKey: randomUUID(),
      },
    );
    expect(wrongScan).toMatchObject({ status: 409, body: { code: 'PRD-06' } });

    // The same misread sent straight to Temporal, past the gateway: production's check holds.
    const journey = await journeyView(donorCode);
    const forged = await temporal()
      .workflow.getHandle(batchRecordWorkflowId(journey.batchNumber!))
      .executeUpdate(completeBatchStepUpdate, {
        args: [
          {
            stepId: SELECTION.stepId,
            eventId: randomUUID(),
            actor: { userId: 'operator', role: 'operator' },
            payload: misread,
          },
        ],
      })
      .then(
        () => 'accepted',
        (error: unknown) =>
          error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure
            ? error.cause.type
            : error,
      );
    expect(forged).toBe('PRD-06');
    const afterRefusals = await batchRecord(donorCode);
    expect(afterRefusals.body.steps[0]).toMatchObject({
      stepId: SELECTION.stepId,
      status: 'in-progress',
    });
    expect((await journeyView(donorCode)).stage).toBe('in-production');

    // PRD-07 and PRD-08: a completion without the selection bag's inspection after filling, or
    // without the lot of the single-use tubing set, is refused and records nothing.
    const refusedCompletion = async (body: unknown) =>
      api.as<Refusal>('operator', 'POST', stepUrl(donorCode, SELECTION.stepId, 'complete'), {
        body,
        idempotencyKey: randomUUID(),
      });
    const uninspected = await refusedCompletion({
      ...completion,
      containerInspections: completion.containerInspections.filter(
        (i) => i.phase !== 'after-filling',
      ),
    });
    expect(uninspected).toMatchObject({ status: 409, body: { code: 'PRD-07' } });
    expect(uninspected.body.message).toContain('(after-filling)');
    const withoutLot = await refusedCompletion({ ...completion, consumables: [] });
    expect(withoutLot).toMatchObject({ status: 409, body: { code: 'PRD-08' } });
    expect(withoutLot.body.message).toContain(SELECTION.consumables[0].materialCode);
    expect((await batchRecord(donorCode)).body.steps[0].status).toBe('in-progress');

    // The mismatch stopped the step, not the batch: the right scans complete it, and the
    // line is cleared so the room is free for the next batch.
    const completed = await api.as<BatchRecordView>(
      'operator',
      'POST',
      stepUrl(donorCode, SELECTION.stepId, 'complete'),
      {
        body: completion,
        idempotencyKey: randomUUID(),
      },
    );
    expect(completed.status).toBe(200);
    expect(completed.body.steps[0].status).toBe('completed');
    const clearance = (note: string) =>
      api.as('operator', 'POST', `/api/production-calendar/bookings/${bookingId}/line-clearance`, {
        body: { note },
      });
    const cleared = await clearance('e2e: line clear');
    expect(cleared.status).toBe(200);
    // CSV-01: its answer lost, the same clearance again gets the one on record, written once;
    // another clearance of the completed booking is refused.
    const repeated = await clearance('e2e: line clear');
    expect(repeated).toMatchObject({ status: 200, body: cleared.body });
    const db = new PgClient({ connectionString: databaseUrl() });
    await db.connect();
    try {
      const audit = await db.query(
        `SELECT 1 FROM production.audit_entry WHERE record_type = 'room-booking'
           AND record_id = $1 AND reason LIKE 'line clearance%'`,
        [bookingId],
      );
      expect(audit.rowCount).toBe(1);
    } finally {
      await db.end();
    }
    const another = await clearance('e2e: cleared again');
    expect(another).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: expect.stringContaining('booking is completed') },
    });
  });
});
