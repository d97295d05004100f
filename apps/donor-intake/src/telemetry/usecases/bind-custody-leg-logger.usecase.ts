import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CustodyLegBinding, LegTelemetry } from '@v2v/contracts';
import { writeAudit } from '@v2v/audit';
import { DONOR_INTAKE_SCHEMA } from '../../donor-intake.data-source';
import { TemperatureReadingRepository } from '../temperature-reading.repository';
import { summariseForLeg } from '../telemetry-rules';

/**
 * GEN-01: an opened custody leg binds the logger its hand-over named (once per leg workflow,
 * audited) and learns what is already stored for it: readings uploaded between the hand-over
 * and the binding are summarised here, so none of them goes unwatched. Under the leg's lock, an
 * upload is either in that summary or signalled after the binding, never neither. The summary
 * carries the time out of range of what is stored (QA-04).
 */
@Injectable()
export class BindCustodyLegLoggerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readings: TemperatureReadingRepository,
  ) {}

  execute(binding: CustodyLegBinding): Promise<LegTelemetry | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await this.readings.lockLeg(manager, binding.donorCode, binding.leg);
      if (await this.readings.bindOnce(manager, binding)) {
        await writeAudit(manager, DONOR_INTAKE_SCHEMA, {
          recordType: 'custody-leg-logger',
          recordId: binding.legWorkflowId,
          journeyId: binding.journeyId,
          action: 'create',
          actor: { userId: 'system', role: 'ops' },
          newValue: binding,
        });
      }
      const stored = await this.readings.storedForLeg(manager, binding);
      const range = binding.temperatureRange;
      const withConflicts =
        range && stored.length
          ? await this.readings.storedForLeg(manager, binding, { withConflicts: true })
          : [];
      return summariseForLeg(stored, withConflicts, range);
    });
  }
}
