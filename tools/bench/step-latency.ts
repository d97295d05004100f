import { randomUUID } from 'node:crypto';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  acknowledgeInstructionsForUse,
  GatewayClient,
  happyPathSteps,
  prepareRelease,
  recordDonorMaterialTests,
  runBatchRecord,
} from '@v2v/testing';

/**
 * `npm run bench:steps`: with the platform running (`npm start`), drives JOURNEYS journeys
 * (default 5) one after another through the gateway and prints each step's latency (p50 and
 * max over the journeys). Telemetry uploads are made before the timed step, not inside it.
 * Absolute times are noise on a shared machine: compare runs made back to back.
 */
async function main(): Promise<void> {
  const api = new GatewayClient(
    process.env.GATEWAY_URL ?? `http://127.0.0.1:${SERVICE_PORTS.gateway}`,
  );
  const journeys = Number(process.env.JOURNEYS ?? 5);
  const timings = new Map<string, number[]>();
  for (let j = 0; j < journeys; j++) {
    const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
    const started = performance.now();
    const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference,
        institutionId: 'INST-001',
        productCode: 'CART-CD19',
        requestedCollectionDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      },
    });
    if (order.status !== 201) throw new Error(`order refused: ${JSON.stringify(order.body)}`);
    add(timings, 'order', performance.now() - started);
    const { donorCode } = order.body;
    for (const scripted of happyPathSteps({ donorCode, patientReference })) {
      if (scripted.telemetry) await api.uploadReadings(scripted.telemetry);
      // QA's review and QC's retention samples before the release: taken, not timed here.
      if (scripted.prepareRelease) await prepareRelease(api, donorCode);
      if (scripted.acknowledgeInstructions) await acknowledgeInstructionsForUse(api, donorCode);
      const t = performance.now();
      const res = await api.step(scripted.role, donorCode, scripted.step, scripted.payload);
      if (res.status !== 200) {
        throw new Error(`${scripted.step} refused: ${res.status} ${JSON.stringify(res.body)}`);
      }
      add(timings, scripted.step, performance.now() - t);
      // The batch record's updates and QC's donor material results are not journey steps:
      // taken, not timed here.
      if (scripted.batchRecord) await runBatchRecord(api, donorCode);
      if (scripted.donorMaterialTests)
        await recordDonorMaterialTests(api, donorCode, scripted.donorMaterialTests);
    }
  }
  const all: number[] = [];
  console.log(`step latency over ${journeys} journeys (ms)\n`);
  console.log('step'.padEnd(30), 'p50'.padStart(8), 'max'.padStart(8));
  for (const [step, values] of timings) {
    if (step !== 'order') all.push(...values);
    console.log(step.padEnd(30), fmt(p50(values)), fmt(Math.max(...values)));
  }
  console.log('all steps'.padEnd(30), fmt(p50(all)), fmt(Math.max(...all)));
}

function add(timings: Map<string, number[]>, key: string, ms: number): void {
  timings.set(key, [...(timings.get(key) ?? []), ms]);
}

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const fmt = (ms: number) => ms.toFixed(0).padStart(8);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
