import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { type DeviationNotice, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { announceEmergency } from '../../emergencies/emergency-raised';
import { emergencyOfLateResult, type LateResultEmergency } from '../../emergencies/emergency-rules';
import {
  ProductEmergencyRepository,
  type StandingRelease,
} from '../../emergencies/product-emergency.repository';
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
 * taken again while the batch awaits release (results as tests finish, corrections, retests),
 * and after its release (the results a conditional release left to follow): one out of
 * specification then raises an emergency on the product in the same transaction (QA-04), which
 * the journey records as its deviation and the institution hears of through its event.
 */
@Injectable()
export class RecordQcResultUseCase implements StepUseCase<'recordQcResult'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly qc: QcRepository,
    private readonly emergencies: ProductEmergencyRepository,
  ) {}

  async execute(input: StepInput<'recordQcResult'>): Promise<StepRecord> {
    const plan = requireQcTestPlan(input.specification);
    return this.steps.recordWithFindings(
      'recordQcResult',
      input,
      {
        summary: `${input.payload.results.length} QC result(s) recorded and judged`,
        detail: input.payload,
      },
      async (manager) => {
        const deviations = await this.recordResults(manager, input, plan);
        return deviations.length ? { deviations } : {};
      },
    );
  }

  private async recordResults(
    manager: EntityManager,
    input: StepInput<'recordQcResult'>,
    plan: ReturnType<typeof requireQcTestPlan>,
  ): Promise<DeviationNotice[]> {
    const { donorCode, journeyId, actor } = input;
    const release = await this.emergencies.standingRelease(donorCode, manager);
    const deviations: DeviationNotice[] = [];
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
      let investigationId: string | null = null;
      if (opensInvestigation(test, entry, verdict)) {
        investigationId = randomUUID();
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
      const emergency = emergencyOfLateResult(test, entry, verdict, release);
      if (emergency && release)
        deviations.push(
          await this.raiseEmergency(manager, input, release, emergency, {
            qcResultId: result.resultId,
            investigationId,
          }),
        );
    }
    return deviations;
  }

  /** QA-04: the emergency, announced in the step's transaction (audit, deviation.raised.v1). */
  private async raiseEmergency(
    manager: EntityManager,
    input: StepInput<'recordQcResult'>,
    release: StandingRelease,
    emergency: LateResultEmergency,
    source: { qcResultId: string; investigationId: string | null },
  ): Promise<DeviationNotice> {
    const { donorCode, journeyId } = input;
    const record = {
      emergencyId: randomUUID(),
      donorCode,
      journeyId,
      ...emergency,
      ...source,
      releaseRecordId: release.recordId,
      raisedAt: input.occurredAt,
      stepEventId: input.eventId,
    };
    await this.emergencies.insert(manager, record);
    return announceEmergency(manager, input, record, record, {
      ...source,
      batchNumber: release.batchNumber,
    });
  }
}
