import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  type RecordEmResultsCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { EmResultRecorder } from '../em-result-recorder';
import { EnvironmentalMonitoringRepository } from '../environmental-monitoring.repository';
import { SessionView, sessionView } from './em-views';

export { recordEmResultsCommandSchema, type RecordEmResultsCommand } from '@v2v/contracts';

/**
 * PRD-05: results read after the session (plates are read after incubation) or corrections of
 * recorded ones, added to the session once per event id; judged and followed like the first.
 */
@Injectable()
export class RecordEmResultsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EnvironmentalMonitoringRepository,
    private readonly results: EmResultRecorder,
  ) {}

  async execute(sessionId: string, command: RecordEmResultsCommand): Promise<SessionView> {
    const repeat = await this.repository.sessionIdOfResultEvent(command.eventId);
    if (repeat) return this.sameRequest(repeat, sessionId, command.eventId);
    try {
      await this.dataSource.transaction(async (manager) => {
        const [session] = await this.repository.sessions({ sessionIds: [sessionId] }, manager);
        if (!session)
          throw new DomainError('NOT_FOUND', `no environmental monitoring session ${sessionId}`);
        await this.results.record(
          manager,
          session,
          command.results,
          command.eventId,
          command.recordedBy,
        );
      });
    } catch (error) {
      if (uniqueViolationConstraint(error) === undefined) throw error;
      const winner = await this.repository.sessionIdOfResultEvent(command.eventId);
      if (winner) return this.sameRequest(winner, sessionId, command.eventId);
      throw new DomainError(
        'PRD-05',
        `a result of session ${sessionId} was corrected by another entry meanwhile; correct the latest entry (PRD-05)`,
      );
    }
    return this.view(sessionId);
  }

  private async view(sessionId: string): Promise<SessionView> {
    const [session] = await this.repository.sessions({ sessionIds: [sessionId] });
    return sessionView(session, await this.repository.excursions({ sessionIds: [sessionId] }));
  }

  private sameRequest(recordedIn: string, sessionId: string, eventId: string) {
    if (recordedIn !== sessionId)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${eventId} was already used for results of another session`,
      );
    return this.view(sessionId);
  }
}
