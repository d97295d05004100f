import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { temporalAddress } from '@v2v/temporal';
import { GatewayClient, happyPathSteps, scriptedStep } from '@v2v/testing';

/** What the journey e2e files share: the gateway client, orders, screening, Temporal history. */
export const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);

/** A Temporal client for the calling test file, connected before its tests and closed after. */
export function useTemporal(): () => Client {
  let connection: Connection | undefined;
  let client: Client | undefined;
  beforeAll(async () => {
    connection = await Connection.connect({ address: temporalAddress() });
    client = new Client({ connection });
  });
  afterAll(() => connection?.close());
  return () => client!;
}

export interface Order {
  donorCode: string;
  journeyId: string;
  temporalUiUrl: string;
}

export async function newOrder(patientReference = `PAT-${randomUUID().slice(0, 8)}`) {
  const res = await api.as<Order>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });
  expect(res.status).toBe(201);
  return { ...res.body, patientReference };
}

/** The donor's screening, which every collection booking needs first (DON-01). */
export async function screen(order: { donorCode: string; patientReference: string }) {
  const screening = scriptedStep(happyPathSteps(order), 'recordDonorScreening');
  expect((await api.run(order.donorCode, screening)).status).toBe(200);
}

/** The stage sequence as the workflow recorded it: its JourneyStage search-attribute upserts. */
export async function stagesInHistory(temporal: Client, workflowId: string): Promise<string[]> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const stages: string[] = [];
  for (const event of history.events ?? []) {
    const fields =
      event.workflowExecutionStartedEventAttributes?.searchAttributes?.indexedFields ??
      event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
    const payload = fields?.JourneyStage;
    if (payload) {
      const value = defaultPayloadConverter.fromPayload<string | string[]>(payload);
      const stage = Array.isArray(value) ? value[0] : value;
      if (stages[stages.length - 1] !== stage) stages.push(stage);
    }
  }
  return stages;
}
