import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  journeyWorkflowId,
  type RecordDonorMaterialTestResultsCommand,
  requireDonorCode,
  requireOperationRole,
} from '@v2v/contracts';
import { judgeDonorMaterialResult } from '../donor-material-test-rules';
import { DonorMaterialTestRepository } from '../donor-material-test.repository';

/**
 * QA-02.5, §7(1): QC's raw results of the donor material's tests, each judged by the system
 * against the tests kept from the journey's pinned specification and kept as its own row with
 * its audit entry, in one transaction; a correction is a new row naming what it replaces. A
 * request is recorded once: its retry under the same event id gets the first answer (CSV-01).
 */
@Injectable()
export class RecordDonorMaterialResultsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tests: DonorMaterialTestRepository,
  ) {}

  execute(command: RecordDonorMaterialTestResultsCommand) {
    const donorCode = requireDonorCode(command.donorCode);
    const actor = command.recordedBy;
    requireOperationRole('recordDonorMaterialTestResult', actor);
    return this.dataSource.transaction(async (manager) => {
      await this.tests.lockResults(manager, donorCode);
      const plan = await this.tests.plan(donorCode, manager);
      const earlier = await this.recordedUnder(manager, command.eventId, donorCode);
      if (earlier) return earlier;
      if (!plan)
        throw new DomainError(
          'QA-02',
          `no donor material tests are kept for ${donorCode}: results are recorded after the material's receipt, for a specification that defines its tests (QA-02.5)`,
          { item: 'QA-02.5' },
        );
      const recorded = [];
      for (const [position, entry] of command.results.entries()) {
        const verdict = judgeDonorMaterialResult(
          plan.tests,
          entry,
          await this.tests.results(donorCode, manager),
        );
        const result = {
          resultId: randomUUID(),
          donorCode,
          testCode: entry.testCode,
          value: entry.value,
          unit: entry.unit ?? null,
          method: entry.method,
          testedAt: new Date(entry.testedAt).toISOString(),
          verdict,
          correctionOf: entry.correctionOf ?? null,
          recordedBy: actor,
        };
        await this.tests.insertResult(manager, {
          ...result,
          eventId: command.eventId,
          eventPosition: position,
        });
        await writeAudit(manager, 'donor_intake', {
          recordType: 'donor-material-test-result',
          recordId: result.resultId,
          journeyId: journeyWorkflowId(donorCode),
          action: 'create',
          actor,
          reason: entry.correctionOf?.reason,
          newValue: result,
        });
        recorded.push({ resultId: result.resultId, testCode: result.testCode, verdict });
      }
      return { donorCode, results: recorded };
    });
  }

  /**
   * CSV-01: the results a request with this event id already recorded (its answer lost on the
   * way back), answered as the first time; the same event id for another donor is a conflict.
   */
  private async recordedUnder(manager: EntityManager, eventId: string, donorCode: string) {
    const earlier = await this.tests.recordedUnder(manager, eventId);
    if (earlier.length === 0) return undefined;
    if (earlier[0].donorCode !== donorCode)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${eventId} was already used to record results of ${earlier[0].donorCode}`,
      );
    return {
      donorCode,
      results: earlier.map((r) => ({
        resultId: r.resultId,
        testCode: r.testCode,
        verdict: r.verdict,
      })),
    };
  }
}
