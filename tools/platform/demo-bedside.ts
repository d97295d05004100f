import { randomUUID } from 'node:crypto';
import type { NotificationPage } from '@v2v/contracts';
import { bedsideInfusion, GatewayClient, pollUntil, SECOND_CLINICIAN } from '@v2v/testing';

interface Refusal {
  code: string;
  message: string;
  details: { deviations?: Array<{ deviationId: string }> };
}

/**
 * At the bedside the second clinician scans another patient's reference: the infusion is
 * refused (TRC-03) and an emergency raised at once (QA-04), listed with the journey's deviations
 * for the manufacturer and urgent in the institution's feed (TRC-04). The product stays on hold
 * until QA closes it, so this journey is not infused.
 */
export async function bedsideMismatch(
  api: GatewayClient,
  order: { donorCode: string; patientReference: string },
): Promise<void> {
  const { donorCode } = order;
  const refused = await api.step<Refusal>(
    'hospital',
    donorCode,
    'recordInfusion',
    bedsideInfusion({
      ...order,
      endedAt: new Date().toISOString(),
      scans: [undefined, { patientReference: 'PAT-NOT-THIS-ONE' }],
    }),
    randomUUID(),
  );
  const [raised] = refused.body.details?.deviations ?? [];
  if (refused.status !== 409 || refused.body.code !== 'IDENTITY_MISMATCH' || !raised)
    throw new Error(
      `expected a refused bedside check, got ${refused.status} ${JSON.stringify(refused.body)}`,
    );
  console.log(
    `recordInfusion by hospital + ${SECOND_CLINICIAN} → 409 ${refused.body.code}: ${refused.body.message}`,
  );
  const deviations = await api.as<
    Array<{ deviationId: string; rule: string; kind: string; status: string }>
  >('ops', 'GET', `/api/journeys/${donorCode}/deviations`);
  for (const d of deviations.body)
    console.log(`  deviation ${d.deviationId} ${d.rule} ${d.kind ?? ''} ${d.status}`);
  const notice = await pollUntil('the deviation in the hospital feed', async () => {
    const feed = await api.as<NotificationPage>('hospital', 'GET', '/api/notifications?limit=100');
    return feed.body.notifications?.find((n) => n.parameters.deviationId === raised.deviationId);
  });
  console.log(
    `  INST-001 notification ${notice.id}: ${notice.severity} ${notice.messageCode} (${notice.parameters.rule}); the product is on hold until QA closes the emergency`,
  );
}
