import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@v2v/service-kit';
import { FacilityRepository } from '../../facility/facility.repository';
import { notOnRegister, unknownReference } from '../../facility/usecases/register-writes';
import type { MediaFillStandingView } from '../media-fill';
import { mediaFillStanding, requireMediaFillCurrent } from '../media-fill-rules';
import { MediaFillRepository } from '../media-fill.repository';

/**
 * PRD-02 for the rest of production: `require` inside the caller's transaction refuses work on
 * a line and shift without a current media fill pass (booking, step start); `status` answers
 * the standing with the runs it rests on.
 */
@Injectable()
export class MediaFillStanding {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly mediaFills: MediaFillRepository,
    private readonly clock: Clock,
  ) {}

  /** Refuses PRD-02 unless the line and shift have a current pass on `at`'s day. */
  async require(
    manager: EntityManager,
    lineCode: string,
    shiftCode: string,
    at: Date,
  ): Promise<MediaFillStandingView> {
    return requireMediaFillCurrent(
      lineCode,
      shiftCode,
      at,
      await this.mediaFills.ofLine(manager, lineCode),
    );
  }

  /** The standing now, with the shift's runs and the line's initial qualification runs. */
  async status(lineCode: string, shiftCode: string | undefined, at = this.clock.now()) {
    const manager = this.dataSource.manager;
    if (!(await this.facility.line(manager, lineCode))) throw notOnRegister('line', lineCode);
    if (!shiftCode || !(await this.facility.shift(manager, shiftCode)))
      throw unknownReference('shift', 'shift', shiftCode ?? '(none)');
    const runs = await this.mediaFills.ofLine(manager, lineCode);
    return {
      ...mediaFillStanding(lineCode, shiftCode, at, runs),
      runs: runs.filter((r) => r.shiftCode === shiftCode || r.kind === 'initial'),
    };
  }
}
