import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { Actor, EmResultEntry } from '@v2v/contracts';
import { IdGenerator } from '@v2v/service-kit';
import { isMicrobial, judgeResult, requireCorrectable, requireZoneInRoom } from './em-rules';
import type { EmSession } from './environmental-monitoring';
import { EnvironmentalMonitoringRepository } from './environmental-monitoring.repository';

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
      if (judged.outcome === 'excursion' && !excursionOfOriginal)
        await this.openExcursion(manager, session, result.resultId, entry, recordedBy);
    }
  }

  private async openExcursion(
    manager: EntityManager,
    session: Omit<EmSession, 'results' | 'recordedBy' | 'recordedAt'>,
    resultId: string,
    entry: EmResultEntry,
    actor: Actor,
  ): Promise<void> {
    const exposed = await this.repository.exposures(
      manager,
      session.roomCode,
      session.startedAt,
      session.endedAt,
    );
    const excursion = {
      excursionId: this.ids.newId(),
      sessionId: session.sessionId,
      resultId,
      roomCode: session.roomCode,
      kind: entry.kind,
      microbial: isMicrobial(entry.kind),
    };
    await this.repository.insertExcursion(manager, excursion, exposed);
    await writeAudit(manager, 'production', {
      recordType: 'em-excursion',
      recordId: excursion.excursionId,
      action: 'create',
      actor,
      newValue: { ...excursion, exposedBatches: exposed },
    });
  }
}
