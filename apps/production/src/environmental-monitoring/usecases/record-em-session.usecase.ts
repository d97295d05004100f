import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  type RecordEmSessionCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { Clock, IdGenerator } from '@v2v/service-kit';
import { FacilityRepository } from '../../facility/facility.repository';
import { EmResultRecorder } from '../em-result-recorder';
import { requireSessionInstants } from '../em-rules';
import { EnvironmentalMonitoringRepository } from '../environmental-monitoring.repository';
import { SessionView, sessionView } from './em-views';

export { recordEmSessionCommandSchema, type RecordEmSessionCommand } from '@v2v/contracts';

/**
 * PRD-05: QC records a monitoring session in one room with the results known so far; the
 * session, its results, their audit entries and any excursion commit together, once per event
 * id. A refusal (unknown room, a zone the room does not have, impossible instants) writes
 * nothing.
 */
@Injectable()
export class RecordEmSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly repository: EnvironmentalMonitoringRepository,
    private readonly results: EmResultRecorder,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: RecordEmSessionCommand, now = this.clock.now()): Promise<SessionView> {
    const repeat = await this.repository.sessionIdOfEvent(command.eventId);
    if (repeat) return this.sameRequest(repeat, command);
    requireSessionInstants(command.startedAt, command.endedAt, now);
    try {
      const sessionId = await this.dataSource.transaction(async (manager) => {
        const room = await this.facility.room(manager, command.roomCode);
        if (!room)
          throw new DomainError('NOT_FOUND', `room ${command.roomCode} is not on the register`);
        const session = {
          sessionId: this.ids.newId(),
          eventId: command.eventId,
          roomCode: room.roomCode,
          roomGrade: room.grade,
          occupancyState: command.occupancyState,
          startedAt: new Date(command.startedAt).toISOString(),
          endedAt: new Date(command.endedAt).toISOString(),
          recordedBy: command.recordedBy,
        };
        await this.repository.insertSession(manager, session);
        await writeAudit(manager, 'production', {
          recordType: 'em-session',
          recordId: session.sessionId,
          action: 'create',
          actor: command.recordedBy,
          newValue: session,
        });
        await this.results.record(
          manager,
          session,
          command.results,
          command.eventId,
          command.recordedBy,
        );
        return session.sessionId;
      });
      return this.view(sessionId);
    } catch (error) {
      // Two deliveries of one event id raced: the loser answers with the winner's session.
      const winner =
        uniqueViolationConstraint(error) !== undefined
          ? await this.repository.sessionIdOfEvent(command.eventId)
          : undefined;
      if (winner) return this.sameRequest(winner, command);
      throw error;
    }
  }

  private async view(sessionId: string): Promise<SessionView> {
    const [session] = await this.repository.sessions({ sessionIds: [sessionId] });
    return sessionView(session, await this.repository.excursions({ sessionIds: [sessionId] }));
  }

  private async sameRequest(sessionId: string, command: RecordEmSessionCommand) {
    const view = await this.view(sessionId);
    const same =
      view.roomCode === command.roomCode &&
      view.occupancyState === command.occupancyState &&
      Date.parse(view.startedAt) === Date.parse(command.startedAt) &&
      Date.parse(view.endedAt) === Date.parse(command.endedAt);
    if (!same)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${command.eventId} was already used for another monitoring session`,
      );
    return view;
  }
}
