import { randomUUID } from 'node:crypto';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  GatewayClient,
  happyPathSteps,
  pollUntil,
  rejectionAndRecollectionSteps,
  ScriptedStep,
} from '@v2v/testing';

interface OrderCreated {
  donorCode: string;
  eyeReadable: string;
  journeyId: string;
  temporalUiUrl: string;
}
interface TraceEntry {
  seq: number;
  messageType: string;
  occurredAt: string;
  producer: string;
  summary: string;
}

/**
 * `npm run demo`: with the platform running, drives two patient journeys through the public
 * API only — one straight from order to infusion, one whose first unit is quarantined at
 * receipt, rejected and recollected — then prints their traces and where to see them.
 */
async function main(): Promise<void> {
  const api = new GatewayClient(
    process.env.GATEWAY_URL ?? `http://127.0.0.1:${SERVICE_PORTS.gateway}`,
  );
  console.log('journey 1: order to infusion\n');
  await runJourney(api, (order) => happyPathSteps(order));
  console.log('\njourney 2: unit quarantined at receipt, rejected, recollected, then infused\n');
  await runJourney(api, (order) => rejectionAndRecollectionSteps(order));
}

async function runJourney(
  api: GatewayClient,
  script: (order: { donorCode: string; patientReference: string }) => ScriptedStep[],
): Promise<void> {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const order = await api.as<OrderCreated>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    },
  });
  expectOk('order', order);
  const { donorCode } = order.body;
  console.log(
    `order      → journey ${order.body.journeyId}, donor unique code ${order.body.eyeReadable}`,
  );

  for (const scripted of script({ donorCode, patientReference })) {
    const result = await api.run<{ stage: string; recollections: number }>(donorCode, scripted);
    expectOk(scripted.step, result);
    const readings = scripted.telemetry
      ? ` (after ${scripted.telemetry.readings.length} logger readings)`
      : '';
    console.log(
      `${scripted.step.padEnd(28)} by ${scripted.role.padEnd(9)} → ${result.body.stage}${readings}`,
    );
  }

  const trace = await pollUntil('the infusion in the ledger', async () => {
    const res = await api.as<{ entries: TraceEntry[] }>(
      'ops',
      'GET',
      `/api/traces/donors/${donorCode}`,
    );
    return res.status === 200 &&
      res.body.entries.some((e) => e.messageType === 'product.infused.v1')
      ? res.body
      : undefined;
  });
  console.log(`\nchain of custody of ${donorCode} (traceability ledger):`);
  for (const e of trace.entries) {
    console.log(
      `  ${String(e.seq).padStart(2)}  ${e.occurredAt}  ${e.messageType.padEnd(38)} ${e.summary.slice(0, 160)}`,
    );
  }
  const verify = await api.as<{ valid: boolean; ledgerHeadHash: string }>(
    'ops',
    'POST',
    '/api/ledger/verify',
    {
      body: { donorCode },
    },
  );
  console.log(
    `\nledger verify: ${verify.body.valid ? 'intact' : 'BROKEN'} (head ${verify.body.ledgerHeadHash})`,
  );
  console.log(`Temporal UI:   ${order.body.temporalUiUrl}`);
  console.log(`               or search: DonorCode="${donorCode}"`);
}

function expectOk(what: string, res: { status: number; body: unknown }): void {
  if (res.status >= 300) {
    throw new Error(`${what} failed: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  console.error('is the platform running? start it with: npm start');
  process.exit(1);
});
