import {
  attemptRelease,
  GatewayClient,
  journeysOnOneLot,
  pollUntil,
  recallLot,
} from '@v2v/testing';
import type { InstitutionNotification, NotificationPage } from '@v2v/contracts';

/**
 * `npm run demo`, last part (QA-04, TRC-01, TRC-04): a lot of IL-2 consumed by the batches of
 * two journeys, one at each demo hospital, is recalled by the qualified person, signed; the
 * recall reaches both journeys (their shipment is refused) and both hospitals' feeds.
 */
export async function recallOfALot(api: GatewayClient): Promise<void> {
  const { lotId, journeys } = await journeysOnOneLot(api);
  for (const j of journeys)
    console.log(`  ${j.donorCode} at ${j.institutionId}: its batch consumed lot ${lotId}`);
  const recall = await recallLot(api, lotId, 'supplier notice: IL-2 lot endotoxin out of limit');
  if (recall.status !== 201)
    throw new Error(`the recall failed: HTTP ${recall.status} ${JSON.stringify(recall.body)}`);
  console.log(
    `recall ${recall.body.recallId} (class ${recall.body.classification}, signed by ${recall.body.decidedBy.userId}) reaches ${recall.body.units.length} journeys: ${recall.body.units.map((u) => u.donorCode).join(', ')}`,
  );
  for (const j of journeys) {
    const notice = await pollUntil(
      `the recall in the feed of ${j.hospitalUser}`,
      async () =>
        (
          await api.as<NotificationPage>(j.hospitalUser, 'GET', '/api/notifications?limit=100')
        ).body.notifications?.find(
          (n: InstitutionNotification) =>
            n.donorCode === j.donorCode && n.messageCode === 'product-recalled',
        ),
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
    console.log(
      `  ${j.hospitalUser} (${j.institutionId}) notified: ${notice.severity} ${notice.messageCode} for ${notice.donorCode}`,
    );
  }
  const refused = await attemptRelease(api, journeys[0]);
  console.log(
    `  releaseBatch of ${journeys[0].donorCode} → ${refused.status} ${refused.body.code}: ${refused.body.message}`,
  );
  console.log(`  report: GET /api/recalls/${recall.body.recallId}/report.pdf`);
}
