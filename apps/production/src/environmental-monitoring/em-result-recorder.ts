import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { type Actor, type EmResultEntry, journeyWorkflowId, TOPICS } from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { Clock, IdGenerator } from '@v2v/service-kit';
import {
  excursionDeviation,
  isMicrobial,
  judgeResult,
  requireCorrectable,
  requireZoneInRoom,
} from './em-rules';
import type { EmResult, EmSession } from './environmental-monitoring';
import { EnvironmentalMonitoringRepository } from './environmental-monitoring.repository';

/** The deviation is the system's, raised by the result QC recorded (as for GEN-01). */
const SYSTEM = { userId: 'system', role: 'ops' } as const;

/**
 * PRD-05: records results of a session inside the caller's transaction. Each is judged by the
 * system against its limit; one above it opens an excursion (a deviation) with the batches the
 * production calendar had in the room during the session. A correction is a new result naming
 * the one it replaces; when that one already opened an excursion, the excursion stands (a
 * correction never erases a deviation) and no second one is opened.
 */
@Injectable()
export class EmResultRecorder {
  constructor(
    private readonly repository: EnvironmentalMonitoringRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async record(
    manager: EntityManager,
    session: Omit<EmSession, 'results' | 'recordedBy' | 'recordedAt'>,
    entries: EmResultEntry[],
    eventId: string,
    recordedBy: Actor,
  ): Promise<void> {
    for (const [position, entry] of entries.entries()) {
      requireZoneInRoom({ roomCode: session.roomCode, grade: session.roomGrade }, entry.zoneGrade);
      let excursionOfOriginal: string | undefined;
      if (entry.correctsResultId) {
        const original = await this.repository.result(manager, entry.correctsResultId);
        requireCorrectable(
          original,
          entry.correctsResultId,
          session.sessionId,
          original?.correctedBy,
        );
        excursionOfOriginal = await this.repository.excursionIdOfResult(
          manager,
          entry.correctsResultId,
        );
      }
      const judged = judgeResult(entry.kind, entry.zoneGrade, session.occupancyState, entry.value);
      const result = {
        resultId: this.ids.newId(),
        sessionId: session.sessionId,
        eventId,
        position,
        kind: entry.kind,
        zoneGrade: entry.zoneGrade,
        sampleLocation: entry.sampleLocation,
        value: entry.value,
        ...judged,
        correctsResultId: entry.correctsResultId ?? null,
        correctionReason: entry.correctionReason ?? null,
        recordedBy,
      };
      await this.repository.insertResult(manager, result);
      await writeAudit(manager, 'production', {
        recordType: 'em-result',
        recordId: result.resultId,
        action: 'create',
        actor: recordedBy,
        ...(entry.correctionReason
          ? { reason: `corrects result ${entry.correctsResultId}: ${entry.correctionReason}` }
          : {}),
        newValue: result,
      });
      if (judged.outcome === 'excursion' && judged.limit !== null && !excursionOfOriginal)
        await this.openExcursion(manager, session, { ...result, limit: judged.limit }, recordedBy);
    }
  }

  /**
   * Opens the excursion with the batches it exposed and raises a PRD-05 deviation on each one's
   * journey: `deviation.raised.v1` through the outbox in this transaction, so the excursion and
   * its deviations commit or fail together; the journey is signalled from the event.
   */
  private async openExcursion(
    manager: EntityManager,
    session: Omit<EmSession, 'results' | 'recordedBy' | 'recordedAt'>,
    result: Pick<
      EmResult,
      'resultId' | 'kind' | 'zoneGrade' | 'sampleLocation' | 'value' | 'unit'
    > & {
      limit: number;
    },
    actor: Actor,
  ): Promise<void> {
    const exposures = await this.repository.exposures(
      manager,
      session.roomCode,
      session.startedAt,
      session.endedAt,
    );
    const excursionId = this.ids.newId();
    const now = this.clock.now();
    const facts = {
      ...result,
      excursionId,
      sessionId: session.sessionId,
      roomCode: session.roomCode,
      sessionStartedAt: session.startedAt,
      sessionEndedAt: session.endedAt,
    };
    const exposed = exposures.map((e) => ({
      ...e,
      deviation: excursionDeviation(facts, e, this.ids.newId(), now.toISOString()),
    }));
    const excursion = {
      excursionId,
      sessionId: session.sessionId,
      resultId: result.resultId,
      roomCode: session.roomCode,
      kind: result.kind,
      microbial: isMicrobial(result.kind),
    };
    await this.repository.insertExcursion(manager, excursion, exposed);
    await writeAudit(manager, 'production', {
      recordType: 'em-excursion',
      recordId: excursion.excursionId,
      action: 'create',
      actor,
      newValue: { ...excursion, exposedBatches: exposed },
    });
    for (const { deviation, ...e } of exposed) {
      const journeyId = journeyWorkflowId(e.donorCode);
      await appendToOutbox(manager, {
        topic: TOPICS.production,
        aggregateType: 'journey',
        aggregateId: e.donorCode,
        messageType: 'deviation.raised.v1',
        producer: 'production',
        causationId: excursion.excursionId,
        journeyId,
        occurredAt: now,
        payload: {
          donorCode: e.donorCode,
          journeyId,
          actor: SYSTEM,
          recordId: deviation.deviationId,
          summary: deviation.description,
          detail: { ...deviation, batchNumber: e.batchNumber },
        },
      });
    }
  }
}
