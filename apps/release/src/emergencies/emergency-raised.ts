import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { type Actor, type DeviationNotice, TOPICS } from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';

/** The step an emergency was raised by: its journey, who took it and when it was accepted. */
export interface EmergencySource {
  donorCode: string;
  journeyId: string;
  actor: Actor;
  occurredAt: string;
}

/**
 * QA-04: what every emergency on a product writes beside its row, in the same transaction: its
 * audit entry (the row as `record`) and `deviation.raised.v1` with `detail` (the journey's
 * deviations list, the institution's notification feed, the ledger). Returns the notice the
 * journey records.
 */
export async function announceEmergency(
  manager: EntityManager,
  source: EmergencySource,
  emergency: { emergencyId: string; description: string },
  record: Record<string, unknown>,
  detail: Record<string, unknown>,
): Promise<DeviationNotice> {
  const { donorCode, journeyId, actor, occurredAt } = source;
  const { emergencyId, description } = emergency;
  await writeAudit(manager, 'release', {
    recordType: 'product-emergency',
    recordId: emergencyId,
    journeyId,
    action: 'create',
    actor,
    reason: description,
    newValue: record,
  });
  const notice: DeviationNotice = {
    deviationId: emergencyId,
    rule: 'QA-04',
    detectedAt: occurredAt,
    description,
  };
  await appendToOutbox(manager, {
    topic: TOPICS.release,
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType: 'deviation.raised.v1',
    producer: 'release',
    causationId: emergencyId,
    journeyId,
    occurredAt: new Date(occurredAt),
    payload: {
      donorCode,
      journeyId,
      actor: { userId: actor.userId, role: actor.role },
      recordId: emergencyId,
      summary: description,
      detail: { ...notice, ...detail },
    },
  });
  return notice;
}
