import { randomUUID } from 'node:crypto';
import {
  BATCH_RECORD_WORKFLOW_TYPE,
  CART_CD19_V1,
  batchRecordWorkflowId,
  JourneyView,
  ManufacturingSlot,
} from '@v2v/contracts';
import {
  DEMO_PROCESS_CART_CD19,
  demoUserPassword,
  failedBatchAndRemanufactureSteps,
  happyPathSteps,
  pollUntil,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';
import { api, newOrder, screen, stagesInHistory, useTemporal } from './support/journeys';

const temporal = useTemporal();

const journeyView = async (donorCode: string) =>
  (await api.as<{ view: JourneyView }>('ops', 'GET', `/api/journeys/${donorCode}`)).body.view;

const slotsOf = (donorCode: string, role: 'scheduler' | 'hospital' = 'scheduler') =>
  api.as<ManufacturingSlot[]>(role, 'GET', `/api/journeys/${donorCode}/manufacturing-slots`);

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function runAll(donorCode: string, steps: ReturnType<typeof happyPathSteps>) {
  for (const scripted of steps)
    expect({ step: scripted.step, status: (await api.run(donorCode, scripted)).status }).toEqual({
      step: scripted.step,
      status: 200,
    });
}

describe('manufacturing slots down the chain, through the gateway', () => {
  it('a scheduled collection books a slot the scheduler and the hospital see; a postponement rebooks it', async () => {
    const order = await newOrder();
    await screen(order);
    const scheduled = await api.step<JourneyView>(
      'scheduler',
      order.donorCode,
      'scheduleCollection',
      { collectionDate: day(2), manufacturingSlot: day(3) },
    );
    expect(scheduled.status).toBe(200);
    const booked = scheduled.body.manufacturingSlot!;
    expect(booked).toMatchObject({ startsOn: day(3), lineCode: expect.any(String) });

    const postponed = await api.step<JourneyView>(
      'scheduler',
      order.donorCode,
      'postponeCollection',
      { collectionDate: day(5), reason: 'patient febrile on the day of collection' },
    );
    expect(postponed.status).toBe(200);
    const rebooked = postponed.body.manufacturingSlot!;
    expect(rebooked.slotId).not.toBe(booked.slotId);
    expect(rebooked.startsOn > day(5)).toBe(true);

    for (const role of ['scheduler', 'hospital'] as const) {
      const slots = await slotsOf(order.donorCode, role);
      expect(slots.status).toBe(200);
      const [latest, earlier] = slots.body;
      expect(latest).toMatchObject({
        slotId: rebooked.slotId,
        status: 'booked',
        replacesSlotId: booked.slotId,
        reason: `collection postponed to ${day(5)}: patient febrile on the day of collection`,
      });
      expect(earlier).toMatchObject({
        slotId: booked.slotId,
        status: 'released',
        releaseReason: expect.stringContaining('rebooked'),
      });
    }
  });

  it('NO_MANUFACTURING_SLOT refuses a collection when the product’s only line is full, naming the earliest free day; a cancellation frees it', async () => {
    const product = `SLOT-${randomUUID().slice(0, 8).toUpperCase()}`;
    const signature = { password: demoUserPassword() };
    const spec = await api.as('qa-qp', 'POST', `/api/product-specifications/${product}/versions`, {
      body: { content: CART_CD19_V1, signature },
    });
    expect(spec.status).toBe(201);
    // An area of its own: a line in use in a demo area would count against the demo product's
    // validated concurrent lines there (PRD-04).
    const unique = randomUUID().slice(0, 8).toUpperCase();
    const areaCode = `E2E-${unique}`;
    const area = await api.as('production-manager', 'POST', '/api/facility/areas', {
      body: {
        areaCode,
        name: 'one-line area',
        purpose: 'cell-product',
        airHandlingSystem: `AHU-${unique}`,
        pressureRegime: 'positive',
      },
    });
    expect(area.status).toBe(201);
    const lineCode = `L-${unique}`;
    const line = await api.as('production-manager', 'POST', '/api/facility/lines', {
      body: { lineCode, areaCode, name: 'one-batch line', batchCapacity: 1 },
    });
    expect(line.status).toBe(201);
    const process = await api.as('production-manager', 'POST', `/api/processes/${product}`, {
      body: {
        specificationVersion: 1,
        content: { ...DEMO_PROCESS_CART_CD19, lineCodes: [lineCode] },
      },
      idempotencyKey: randomUUID(),
    });
    expect(process.status).toBe(201);

    const order = async () => {
      const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
      const res = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
        body: {
          patientReference,
          institutionId: 'INST-001',
          productCode: product,
          requestedCollectionDate: day(2),
        },
      });
      expect(res.status).toBe(201);
      const placed = { donorCode: res.body.donorCode, patientReference };
      await screen(placed);
      return placed;
    };
    const schedule = (donorCode: string) =>
      api.step<{ code: string; message: string; details: { earliestFreeStartOn: string } }>(
        'scheduler',
        donorCode,
        'scheduleCollection',
        { collectionDate: day(2) },
      );
    const first = await order();
    const second = await order();
    expect((await schedule(first.donorCode)).status).toBe(200);

    const refused = await schedule(second.donorCode);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NO_MANUFACTURING_SLOT');
    expect(refused.body.details.earliestFreeStartOn > day(3)).toBe(true);
    expect(refused.body.message).toContain(refused.body.details.earliestFreeStartOn);
    expect((await journeyView(second.donorCode)).stage).toBe('donor-screened');
    const refusals = await api.as<Array<{ code: string; actor?: { userId: string } }>>(
      'ops',
      'GET',
      `/api/journeys/${second.donorCode}/refusals`,
    );
    expect(refusals.body.map((r) => r.code)).toContain('NO_MANUFACTURING_SLOT');

    const cancelled = await api.step('scheduler', first.donorCode, 'cancelJourney', {
      reason: 'patient withdrew consent',
    });
    expect(cancelled.status).toBe(200);
    await pollUntil('the cancelled journey’s slot released', async () => {
      const [slot] = (await slotsOf(first.donorCode)).body;
      return slot?.status === 'released' ? slot : undefined;
    });
    const booked = await schedule(second.donorCode);
    expect(booked.status).toBe(200);
    expect((await slotsOf(second.donorCode)).body[0]).toMatchObject({ lineCode, status: 'booked' });
    await api.step('scheduler', second.donorCode, 'cancelJourney', { reason: 'test done' });
  });

  it('a preferred manufacturing day after the donor material shelf life is refused, and nothing is booked', async () => {
    const order = await newOrder();
    await screen(order);
    const refused = await api.step<{ code: string; message: string }>(
      'scheduler',
      order.donorCode,
      'scheduleCollection',
      { collectionDate: day(2), manufacturingSlot: day(20) },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('manufacturing');
    expect((await journeyView(order.donorCode)).stage).toBe('donor-screened');
    expect((await slotsOf(order.donorCode)).body).toEqual([]);
  });

  it('a cancelled journey gives its slot back', async () => {
    const order = await newOrder();
    await screen(order);
    const steps = happyPathSteps(order);
    expect((await api.run(order.donorCode, scriptedStep(steps, 'scheduleCollection'))).status).toBe(
      200,
    );
    expect(
      (
        await api.step('scheduler', order.donorCode, 'cancelJourney', {
          reason: 'patient withdrew consent',
        })
      ).status,
    ).toBe(200);
    const slot = await pollUntil('the slot released', async () => {
      const [latest] = (await slotsOf(order.donorCode)).body;
      return latest?.status === 'released' ? latest : undefined;
    });
    expect(slot.releaseReason).toBe('journey cancelled: patient withdrew consent');
  });
});

describe('a failed batch, through the gateway (MAT-04, PRD-01)', () => {
  it('MAT-04 rejects the failed batch with its signed disposition, re-manufactures from the retained portion, and the second batch reaches qc', async () => {
    const order = await newOrder();
    const steps = failedBatchAndRemanufactureSteps(order);
    await runAll(order.donorCode, stepsBefore(steps, 'recordQcResult'));

    const view = await pollUntil('the journey in qc', async () => {
      const v = await journeyView(order.donorCode);
      return v.stage === 'qc' ? v : undefined;
    });
    const batches = await temporal().workflow.list({
      query: `WorkflowType = '${BATCH_RECORD_WORKFLOW_TYPE}' AND DonorCode = '${order.donorCode}'`,
    });
    const ids: string[] = [];
    for await (const w of batches) ids.push(w.workflowId);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(batchRecordWorkflowId(view.batchNumber!));
    const first = ids.find((id) => id !== batchRecordWorkflowId(view.batchNumber!))!;
    expect(await temporal().workflow.getHandle(first).result()).toMatchObject({
      outcome: 'rejected',
    });

    const stages = await stagesInHistory(temporal(), `journey-${order.donorCode}`);
    expect(stages).toEqual(
      expect.arrayContaining(['in-production', 'batch-rejected', 'material-released', 'qc']),
    );
    expect(stages.indexOf('batch-rejected')).toBeLessThan(stages.lastIndexOf('in-production'));

    const slots = (await slotsOf(order.donorCode)).body;
    expect(slots[0]).toMatchObject({ status: 'booked', batchNumber: view.batchNumber });
    expect(slots.find((s) => s.releaseReason?.startsWith('batch rejected'))).toBeDefined();

    const signatures = await api.as<Array<{ meaning: string; valid: boolean; step: string }>>(
      'qa-qp',
      'GET',
      `/api/journeys/${order.donorCode}/signatures`,
    );
    expect(
      signatures.body
        .filter((s) => ['rejectFailedBatch', 'remanufactureBatch'].includes(s.step))
        .map((s) => [s.step, s.meaning, s.valid]),
    ).toEqual([
      ['rejectFailedBatch', 'rejected', true],
      ['remanufactureBatch', 'approved', true],
    ]);
  });

  it('NO_RETAINED_MATERIAL refuses a re-manufacture when no portion was set aside; the journey stays batch-rejected', async () => {
    const order = await newOrder();
    const steps = failedBatchAndRemanufactureSteps(order).map((s) =>
      s.step === 'startProduction' ? { ...s, payload: { labelScan: order.donorCode } } : s,
    );
    await runAll(order.donorCode, stepsBefore(steps, 'remanufactureBatch'));
    const refused = await api.run<{ code: string; message: string }>(
      order.donorCode,
      scriptedStep(steps, 'remanufactureBatch'),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NO_RETAINED_MATERIAL');
    expect(refused.body.message).toContain(order.donorCode);
    expect((await journeyView(order.donorCode)).stage).toBe('batch-rejected');
    const refusals = await api.as<Array<{ code: string }>>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/refusals`,
    );
    expect(refusals.body.map((r) => r.code)).toContain('NO_RETAINED_MATERIAL');
  });

  it('MAT-04 a rejection without a disposition is refused at the edge', async () => {
    const order = await newOrder();
    const refused = await api.step<{ fieldErrors: Array<{ path: string; message: string }> }>(
      'qa-qp',
      order.donorCode,
      'rejectFailedBatch',
      { reason: 'contaminated', signature: { password: 'x' } },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors).toEqual([
      expect.objectContaining({ path: 'disposition', message: expect.stringContaining('MAT-04') }),
    ]);
  });
});
