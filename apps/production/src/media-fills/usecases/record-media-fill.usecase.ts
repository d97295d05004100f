import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  type RecordMediaFillCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { Clock, IdGenerator } from '@v2v/service-kit';
import { FacilityRepository } from '../../facility/facility.repository';
import { unknownReference } from '../../facility/usecases/register-writes';
import type { MediaFill } from '../media-fill';
import { judgeMediaFill, requireMediaFillDesign, requireMediaFillUnits } from '../media-fill-rules';
import { MediaFillRepository } from '../media-fill.repository';

/**
 * PRD-02, §9(2): the production manager records a media fill run of a line and shift, with its
 * approach, rationale, worst cases, what it covers and what it does not simulate and why. The
 * system judges the result from the units; the run is recorded once (append-only) and audited.
 */
@Injectable()
export class RecordMediaFillUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly mediaFills: MediaFillRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: RecordMediaFillCommand, now = this.clock.now()): Promise<MediaFill> {
    const repeat = await this.mediaFills.byEvent(this.dataSource.manager, command.eventId);
    if (repeat) return sameRequest(repeat, command);
    requireMediaFillUnits(command, now.toISOString().slice(0, 10));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const line = await this.facility.line(manager, command.lineCode);
        if (!line?.active)
          throw unknownReference('lineCode', 'line', command.lineCode, line !== undefined);
        const shift = await this.facility.shift(manager, command.shiftCode);
        if (!shift?.active)
          throw unknownReference('shiftCode', 'shift', command.shiftCode, shift !== undefined);
        requireMediaFillDesign(command, await this.mediaFills.ofLine(manager, command.lineCode));
        const run = await this.mediaFills.insert(manager, {
          mediaFillId: this.ids.newId(),
          eventId: command.eventId,
          lineCode: command.lineCode,
          shiftCode: command.shiftCode,
          performedOn: command.performedOn,
          kind: command.kind,
          approach: command.approach,
          rationale: command.rationale ?? null,
          worstCaseConditions: command.worstCaseConditions ?? [],
          productCodes: command.productCodes,
          equipmentClasses: command.equipmentClasses,
          operationsNotSimulated: command.operationsNotSimulated,
          unitsFilled: command.unitsFilled,
          unitsContaminated: command.unitsContaminated,
          result: judgeMediaFill(command.unitsFilled, command.unitsContaminated),
          recordedBy: command.recordedBy.userId,
          recordedByRole: command.recordedBy.role,
        });
        await writeAudit(manager, 'production', {
          recordType: 'media-fill',
          recordId: run.mediaFillId,
          action: 'create',
          actor: command.recordedBy,
          newValue: run,
        });
        return run;
      });
    } catch (error) {
      const winner =
        uniqueViolationConstraint(error) !== undefined
          ? await this.mediaFills.byEvent(this.dataSource.manager, command.eventId)
          : undefined;
      if (winner) return sameRequest(winner, command);
      throw error;
    }
  }
}

function sameRequest(existing: MediaFill, command: RecordMediaFillCommand): MediaFill {
  const same =
    existing.lineCode === command.lineCode &&
    existing.shiftCode === command.shiftCode &&
    existing.performedOn === command.performedOn &&
    existing.kind === command.kind &&
    existing.unitsFilled === command.unitsFilled &&
    existing.unitsContaminated === command.unitsContaminated;
  if (!same)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${command.eventId} was already used to record another media fill`,
    );
  return existing;
}
