import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { QcResultRepository } from '../qc-result.repository';

/** The batch's QC results, each kept as its own row with its audit entry. */
@Injectable()
export class RecordQcResultUseCase implements StepUseCase<'recordQcResult'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly qcResults: QcResultRepository,
  ) {}

  execute(input: StepInput<'recordQcResult'>): Promise<StepRecord> {
    return this.steps.record(
      'recordQcResult',
      input,
      {
        summary: `${input.payload.results.length} QC result(s) recorded`,
        detail: input.payload,
      },
      async (manager) => {
        for (const r of input.payload.results) {
          const id = await this.qcResults.insert(manager, {
            donorCode: input.donorCode,
            eventId: input.eventId,
            ...r,
            recordedBy: input.actor.userId,
            recordedAt: input.occurredAt,
          });
          await writeAudit(manager, 'release', {
            recordType: 'qc-result',
            recordId: id,
            journeyId: input.journeyId,
            action: 'create',
            actor: input.actor,
            newValue: r,
          });
        }
      },
    );
  }
}
