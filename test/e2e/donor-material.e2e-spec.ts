import { randomUUID } from 'node:crypto';
import { CART_CD19_V1, StepRequestBody } from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  DEMO_PROCESS_CART_CD19,
  demoUserPassword,
  GatewayClient,
  happyPathSteps,
  loggerReadings,
  materialCycleSteps,
  negativeScreening,
  pollUntil,
  rejectionAndRecollectionSteps,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
const signature = { password: demoUserPassword() };

interface View {
  stage: string;
  recollections: number;
  knownPositiveMarkers: string[];
  productSpecificationVersion: number;
  deviations: Array<{ deviationId: string; description: string }>;
}
interface Status {
  view: View;
  timeline: Array<{ step?: string; summary: string }>;
  pendingDeadlines: Array<{ description: string }>;
}

async function newOrder(productCode = 'CART-CD19') {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const res = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode,
      requestedCollectionDate: '2026-12-01',
    },
  });
  expect(res.status).toBe(201);
  return { donorCode: res.body.donorCode, patientReference };
}

/** The journey pins its specification right after it starts; 0 until then. */
const pinnedVersion = (donorCode: string) =>
  pollUntil(
    'the pinned specification version',
    async () => (await status(donorCode)).view.productSpecificationVersion || undefined,
  );

const status = async (donorCode: string) =>
  (await api.as<Status>('ops', 'GET', `/api/journeys/${donorCode}`)).body;

function positiveScreening(marker: 'HIV' | 'HBV'): StepRequestBody<'recordDonorScreening'> {
  const screening = negativeScreening(new Date());
  return {
    ...screening,
    results: screening.results.map((r) =>
      r.marker === marker ? { ...r, result: 'positive' as const } : r,
    ),
  };
}

describe('donor material: screening, receipt inspection, QA release, recollection', () => {
  it('DON-04 MAT-04 drives a unit quarantined at receipt through rejection and recollection to infusion', async () => {
    const order = await newOrder();
    const stages: string[] = [];
    for (const scripted of rejectionAndRecollectionSteps(order)) {
      const res = await api.run<View>(order.donorCode, scripted);
      expect({ step: scripted.step, status: res.status, body: res.body }).toMatchObject({
        step: scripted.step,
        status: 200,
      });
      stages.push(res.body.stage);
    }
    expect(stages.slice(0, 8)).toEqual([
      'donor-screened',
      'collection-scheduled',
      'collected',
      'collected',
      'in-transit-to-factory',
      'material-quarantined',
      'material-rejected',
      'collection-scheduled',
    ]);
    expect(stages.at(-1)).toBe('follow-up');
    const journey = await status(order.donorCode);
    expect(journey.view.recollections).toBe(1);
    const receipts = journey.timeline
      .filter((t) => t.step === 'recordMaterialReceipt')
      .map((t) => t.summary);
    expect(receipts[0]).toMatch(/receipt inspection failed DON-04\.3 .*quarantined/);
    expect(receipts[1]).toContain('receipt inspection passed');
    expect(journey.timeline.find((t) => t.step === 'rejectMaterial')?.summary).toContain(
      'disposition destroy (MAT-04)',
    );
  });

  it('MAT-04 refuses a rejection without a disposition, naming the rule', async () => {
    const order = await newOrder();
    for (const scripted of stepsBefore(happyPathSteps(order), 'releaseMaterial'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const res = await api.step<{
      code: string;
      fieldErrors: Array<{ path: string; message: string }>;
    }>('qa-qp', order.donorCode, 'rejectMaterial', { reason: 'x', signature });
    expect(res.status).toBe(400);
    expect(res.body.fieldErrors).toEqual([
      expect.objectContaining({ path: 'disposition', message: expect.stringContaining('MAT-04') }),
    ]);
    expect((await status(order.donorCode)).view.stage).toBe('received');
  });

  it('DON-01 refuses a donor positive for a marker the product excludes, or without a required result, and keeps the stage', async () => {
    const order = await newOrder();
    const hiv = await api.step<{ code: string; message: string }>(
      'hospital',
      order.donorCode,
      'recordDonorScreening',
      positiveScreening('HIV'),
    );
    expect(hiv.status).toBe(409);
    expect(hiv.body).toMatchObject({
      code: 'DON-01',
      message: expect.stringContaining('positive for HIV'),
    });
    const incomplete = negativeScreening(new Date());
    const missing = await api.step<{ code: string; message: string }>(
      'hospital',
      order.donorCode,
      'recordDonorScreening',
      { ...incomplete, results: incomplete.results.slice(0, 3) },
    );
    expect(missing.body).toMatchObject({
      code: 'DON-01',
      message: expect.stringContaining('syphilis'),
    });
    expect((await status(order.donorCode)).view.stage).toBe('ordered');
    expect(
      (
        await api.step(
          'hospital',
          order.donorCode,
          'recordDonorScreening',
          negativeScreening(new Date()),
        )
      ).status,
    ).toBe(200);
  });

  it('DON-05 FAC-03 flags known-positive material on every package and leg and stores it only in a dedicated unit', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    expect(
      (
        await api.step(
          'hospital',
          order.donorCode,
          'recordDonorScreening',
          positiveScreening('HBV'),
        )
      ).status,
    ).toBe(200);
    for (const scripted of stepsBefore(steps, 'recordMaterialReceipt').slice(1))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const inTransit = await status(order.donorCode);
    expect(inTransit.view.knownPositiveMarkers).toEqual(['HBV']);
    expect(inTransit.timeline.find((t) => t.step === 'handOverToCourier')?.summary).toContain(
      'KNOWN POSITIVE: HBV',
    );
    expect(inTransit.pendingDeadlines[0].description).toContain('KNOWN POSITIVE');

    const receipt = scriptedStep(steps, 'recordMaterialReceipt');
    const general = await api.run<{ code: string }>(order.donorCode, receipt);
    expect(general.status).toBe(409);
    expect(general.body.code).toBe('FAC-03');
    expect((await status(order.donorCode)).view.stage).toBe('in-transit-to-factory');
    const dedicated = await api.step<View>('operator', order.donorCode, 'recordMaterialReceipt', {
      ...(receipt.payload as object),
      storageUnitId: 'COLD-POS-01',
    });
    expect(dedicated.status).toBe(200);
    expect(dedicated.body.stage).toBe('received');
  });

  it('GEN-01 raises a deviation as soon as a logger reading leaves the range, and receipt inspection quarantines the unit (DON-04.2)', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'recordMaterialReceipt'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const receipt = scriptedStep(steps, 'recordMaterialReceipt');
    const warm = receipt.telemetry!.readings.map((r, i) =>
      i === 10 ? { ...r, temperatureC: 12.5 } : r,
    );
    await api.uploadReadings({ ...receipt.telemetry!, readings: warm });
    const deviation = await pollUntil('the excursion deviation on the journey', async () =>
      (await status(order.donorCode)).view.deviations.find((d) =>
        d.deviationId.endsWith('temperature-excursion'),
      ),
    );
    expect(deviation.description).toContain('12.5 °C');
    const res = await api.step<View>(receipt.role, order.donorCode, receipt.step, receipt.payload);
    expect(res.body.stage).toBe('material-quarantined');
    const summary = (await status(order.donorCode)).timeline.find(
      (t) => t.step === 'recordMaterialReceipt',
    )?.summary;
    expect(summary).toMatch(/DON-04\.2 .*12\.5 °C/);

    // DON-06.4: QA investigates and closes the deviation, signed; it cannot be closed twice.
    const closure = {
      investigation: 'logger placed next to the door seal',
      rootCause: 'packing error',
      correctiveAction: 'packing instruction revised',
      signature,
    };
    const closePath = `/api/journeys/${order.donorCode}/deviations/${encodeURIComponent(deviation.deviationId)}/close`;
    expect(
      (await api.as<{ code: string }>('operator', 'POST', closePath, { body: closure })).body.code,
    ).toBe('PER-03');
    expect((await api.as('qa-qp', 'POST', closePath, { body: closure })).status).toBe(200);
    expect(
      (await api.as<{ code: string }>('qa-qp', 'POST', closePath, { body: closure })).body.code,
    ).toBe('DEVIATION_ALREADY_CLOSED');
    const listed = await api.as<Array<{ deviationId: string; status: string; closedBy: string }>>(
      'qa-qp',
      'GET',
      `/api/journeys/${order.donorCode}/deviations`,
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        deviationId: deviation.deviationId,
        status: 'closed',
        closedBy: 'qa-qp',
      }),
    ]);
  });

  it('GEN-01 raises a deviation on the shipment to the site the moment a logger reading leaves the cryogenic range', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'receiveAtSite'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const now = new Date();
    const shipment = loggerReadings({
      donorCode: order.donorCode,
      leg: 'shipment-to-site',
      from: new Date(now.getTime() - 3 * 3_600_000).toISOString(),
      to: now.toISOString(),
      everyMinutes: 30,
      temperatureC: -180,
      loggerId: 'DRYSHIPPER-LOGGER-7',
    });
    await api.uploadReadings(shipment);
    expect((await status(order.donorCode)).view.deviations).toEqual([]);
    const warm = {
      ...shipment,
      readings: [
        { measuredAt: new Date(now.getTime() + 60_000).toISOString(), temperatureC: -120 },
      ],
    };
    await api.uploadReadings(warm);
    const deviation = await pollUntil('the shipment excursion on the journey', async () =>
      (await status(order.donorCode)).view.deviations.find((d) =>
        d.deviationId.endsWith('shipment-to-site-0-temperature-excursion'),
      ),
    );
    expect(deviation.description).toMatch(
      /shipment-to-site: -120 °C .* by DRYSHIPPER-LOGGER-7, outside -196–-150 °C \(GEN-01\)/,
    );
    const stored = await api.as<{ count: number }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/temperature-readings?leg=shipment-to-site`,
    );
    expect(stored.body.count).toBe(shipment.readings.length + 1);
  });

  it('DON-06 refuses QA release of material past its shelf life from the end of collection, and releases material within it', async () => {
    const expired = await newOrder();
    const start = new Date(Date.now() - 100 * 3_600_000);
    const steps = [
      scriptedStep(happyPathSteps(expired), 'recordDonorScreening'),
      ...materialCycleSteps({ donorCode: expired.donorCode, start, signature }),
    ];
    for (const scripted of stepsBefore(steps, 'releaseMaterial'))
      expect((await api.run(expired.donorCode, scripted)).status).toBe(200);
    const refused = await api.step<{ code: string; message: string }>(
      'qa-qp',
      expired.donorCode,
      'releaseMaterial',
      { signature },
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'DON-06',
      message: expect.stringContaining('DON-06.2'),
    });
    expect((await status(expired.donorCode)).view.stage).toBe('received');

    const fresh = await newOrder();
    for (const scripted of stepsBefore(happyPathSteps(fresh), 'startProduction'))
      expect((await api.run(fresh.donorCode, scripted)).status).toBe(200);
    expect((await status(fresh.donorCode)).view.stage).toBe('material-released');
  });

  it('DON-06 refuses to start production on material QA has not released', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'releaseMaterial'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const start = await api.run<{ code: string }>(
      order.donorCode,
      scriptedStep(steps, 'startProduction'),
    );
    expect(start.status).toBe(409);
    expect(start.body.code).toBe('STEP_OUT_OF_ORDER');
  });
});

describe('product specifications', () => {
  it('DON-03 shows an institution the product requirements, HIV, HBV, HCV and syphilis included', async () => {
    const res = await api.as<{
      version: number;
      donorScreening: { requiredMarkers: string[] };
      collection: object;
      transportToFactory: object;
    }>('hospital', 'GET', '/api/product-specifications/CART-CD19');
    expect(res.status).toBe(200);
    expect(res.body.donorScreening.requiredMarkers).toEqual(
      expect.arrayContaining(['HIV', 'HBV', 'HCV', 'syphilis']),
    );
    expect(res.body).toMatchObject({
      collection: expect.any(Object),
      transportToFactory: expect.any(Object),
    });
  });

  it('GEN-03 publishes signed versions and keeps a running journey on the version it started with', async () => {
    const product = `TEST-${randomUUID().slice(0, 8).toUpperCase()}`;
    const path = `/api/product-specifications/${product}/versions`;
    const incomplete = {
      ...CART_CD19_V1,
      donorScreening: {
        ...CART_CD19_V1.donorScreening,
        requiredMarkers: ['HIV', 'HBV', 'HCV'],
        excludedIfPositive: ['HIV'],
      },
    };
    const invalid = await api.as<{
      code: string;
      fieldErrors: Array<{ path: string; message: string }>;
    }>('qa-qp', 'POST', path, { body: { content: incomplete, signature } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fieldErrors[0]).toMatchObject({
      path: 'content.donorScreening.requiredMarkers',
      message: expect.stringContaining('syphilis'),
    });
    const byOperator = await api.as<{ code: string }>('operator', 'POST', path, {
      body: { content: CART_CD19_V1, signature },
    });
    expect(byOperator.body.code).toBe('PER-03');
    const wrongPassword = await api.as<{ code: string }>('qa-qp', 'POST', path, {
      body: { content: CART_CD19_V1, signature: { password: 'wrong' } },
    });
    expect(wrongPassword.body.code).toBe('CSV-02');

    const v1 = await api.as<{ version: number }>('qa-qp', 'POST', path, {
      body: { content: CART_CD19_V1, signature },
    });
    expect(v1).toMatchObject({ status: 201, body: { version: 1 } });
    // Scheduling the collection books a manufacturing slot, which the process of v1 plans.
    const process = await api.as('production-manager', 'POST', `/api/processes/${product}`, {
      body: { specificationVersion: 1, content: DEMO_PROCESS_CART_CD19 },
      idempotencyKey: randomUUID(),
    });
    expect(process.status).toBe(201);
    const running = await newOrder(product);
    expect(await pinnedVersion(running.donorCode)).toBe(1);

    const v2content = {
      ...CART_CD19_V1,
      transportToFactory: { ...CART_CD19_V1.transportToFactory, maxHours: 24 },
    };
    expect(
      (
        await api.as<{ version: number }>('qa-qp', 'POST', path, {
          body: { content: v2content, signature },
        })
      ).body.version,
    ).toBe(2);
    for (const scripted of stepsBefore(happyPathSteps(running), 'recordMaterialReceipt'))
      expect((await api.run(running.donorCode, scripted)).status).toBe(200);
    const pinned = await status(running.donorCode);
    expect(pinned.view.productSpecificationVersion).toBe(1);
    expect(pinned.pendingDeadlines[0].description).toContain('v1');
    const later = await newOrder(product);
    expect(await pinnedVersion(later.donorCode)).toBe(2);
    const versions = await api.as<Array<{ version: number; publishedBy: string }>>(
      'hospital',
      'GET',
      `/api/product-specifications/${product}/versions`,
    );
    expect(versions.body).toEqual([
      expect.objectContaining({ version: 1, publishedBy: 'qa-qp' }),
      expect.objectContaining({ version: 2 }),
    ]);
  });
});
