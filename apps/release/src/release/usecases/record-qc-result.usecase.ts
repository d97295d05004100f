import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { QcRepository } from '../../qc/qc.repository';
import {
  judgeQcResult,
  opensInvestigation,
  requireAdmissibleEntry,
  requireQcTestPlan,
} from '../../qc/qc-rules';

/**
 * QA-02.1: raw QC results, each judged by the system against the journey's test plan and kept
 * as its own row with its audit entry; a correction is a new row naming what it corrects; an
 * OOS result of a gating test opens an investigation in the same transaction. The step may be
 * taken again while the batch awaits release (results as tests finish, corrections, retests).
 */
@Injectable()
export class RecordQcResultUseCase implements StepUseCase<'recordQcResult'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly qc: QcRepository,
  ) {}

  async execute(input: StepInput<'recordQcResult'>): Promise<StepRecord> {
    const plan = requireQcTestPlan(input.specification);
    return this.steps.record(
      'recordQcResult',
      input,
      {
        summary: `${input.payload.results.length} QC result(s) recorded and judged`,
        detail: input.payload,
      },
      (manager) => this.recordResults(manager, input, plan),
    );
  }

  private async recordResults(
    manager: EntityManager,
    input: StepInput<'recordQcResult'>,
    plan: ReturnType<typeof requireQcTestPlan>,
  ): Promise<void> {
    const { donorCode, journeyId, actor } = input;
    const { productCode, version } = input.specification;
    if (await this.qc.keepPlan(manager, donorCode, { productCode, version, plan }))
      await writeAudit(manager, 'release', {
        recordType: 'qc-test-plan',
        recordId: donorCode,
        journeyId,
        action: 'create',
        actor,
        newValue: { productCode, version, tests: plan.map((t) => t.code) },
      });
    for (const entry of input.payload.results) {
      const recorded = {
        results: await this.qc.results(donorCode, manager),
        investigations: await this.qc.investigations(donorCode, manager),
      };
      const test = requireAdmissibleEntry(plan, entry, recorded);
      const verdict = judgeQcResult(test, entry);
      const result = await this.qc.insertResult(manager, {
        donorCode,
        testCode: entry.testCode,
        value: entry.value,
        unit: entry.unit ?? null,
        method: entry.method,
        instrumentId: entry.instrumentId,
        sampleId: entry.sampleId,
        testedAt: new Date(entry.testedAt).toISOString(),
        verdict,
        correctionOf: entry.correctionOf ?? null,
        retestUnder: entry.retestUnder ?? null,
        stepEventId: input.eventId,
        recordedBy: actor,
        recordedAt: input.occurredAt,
      });
      await writeAudit(manager, 'release', {
        recordType: 'qc-result',
        recordId: result.resultId,
        journeyId,
        action: 'create',
        actor,
        reason: entry.correctionOf
          ? `correction of result ${entry.correctionOf.resultId}: ${entry.correctionOf.reason}`
          : undefined,
        newValue: result,
      });
      if (opensInvestigation(test, entry, verdict)) {
        const investigationId = randomUUID();
        await this.qc.openInvestigation(manager, {
          investigationId,
          donorCode,
          testCode: test.code,
          resultId: result.resultId,
        });
        await writeAudit(manager, 'release', {
          recordType: 'oos-investigation',
          recordId: investigationId,
          journeyId,
          action: 'create',
          actor,
          reason: `result ${result.resultId} of ${test.code} is out of specification (QA-02.1)`,
          newValue: { investigationId, testCode: test.code, resultId: result.resultId },
        });
      }
    }
  }
}
