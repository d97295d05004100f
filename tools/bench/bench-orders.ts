import { randomUUID } from 'node:crypto';
import type { GatewayClient } from '@v2v/testing';

export interface TimedOrder {
  ms: number;
  status: number;
  /** The new journey's donor code when the order was accepted (201). */
  donorCode?: string;
  patientReference: string;
}

/**
 * One order through the gateway as the scheduler places it (a new pseudonymous patient each
 * time), timed; `strict` throws on anything but 201.
 */
export async function timedOrder(api: GatewayClient, strict = true): Promise<TimedOrder> {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const t = performance.now();
  const res = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    },
  });
  const ms = performance.now() - t;
  if (strict && res.status !== 201) throw new Error(`order refused: ${JSON.stringify(res.body)}`);
  const donorCode = res.status === 201 ? res.body.donorCode : undefined;
  return { ms, status: res.status, donorCode, patientReference };
}
