import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  OosInvestigationView,
  QcResultsView,
  ReleaseGate,
  ReleaseGateQuery,
  ResultToFollow,
} from '@v2v/contracts';
import { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import { RetentionStandingUseCase } from '../../samples/usecases/retention-standing.usecase';
import { QcRepository } from '../qc.repository';
import { qcReleaseGate, qcStanding } from '../qc-standing';
import { retentionGate } from '../retention-gate';

/** QA-02.1: a journey's QC results and investigations, their standing and the release gates. */
@Injectable()
export class QcStandingUseCase {
  constructor(
    private readonly qc: QcRepository,
    private readonly retention: RetentionStandingUseCase,
    private readonly releases: ProductEmergencyRepository,
  ) {}

  async results(donorCode: string): Promise<QcResultsView> {
    const [plan, results, investigations] = await Promise.all([
      this.qc.plan(donorCode),
      this.qc.results(donorCode),
      this.qc.investigations(donorCode),
    ]);
    return {
      donorCode,
      specification: plan ? { productCode: plan.productCode, version: plan.version } : null,
      results,
      standing: plan ? qcStanding(plan.plan, results, investigations) : [],
    };
  }

  investigations(donorCode: string): Promise<OosInvestigationView[]> {
    return this.qc.investigations(donorCode);
  }

  /** The QA-02.1 gate as it stands in `manager`'s transaction (the release's own). */
  async qcGate(
    donorCode: string,
    manager?: EntityManager,
  ): Promise<{ gate: ReleaseGate; resultsToFollow: ResultToFollow[] }> {
    const [plan, results, investigations, release] = await Promise.all([
      this.qc.plan(donorCode, manager),
      this.qc.results(donorCode, manager),
      this.qc.investigations(donorCode, manager),
      this.releases.standingRelease(donorCode, manager),
    ]);
    return qcReleaseGate(plan?.plan, results, investigations, plan?.recordedAt, release);
  }

  /** The `qualityControlReleaseGates` activity: QA-02.1 and QA-01 of the batch's journey. */
  async releaseGates(
    query: ReleaseGateQuery,
  ): Promise<{ gates: ReleaseGate[]; resultsToFollow: ResultToFollow[] }> {
    const [{ gate, resultsToFollow }, retention] = await Promise.all([
      this.qcGate(query.donorCode),
      this.retention.standing(query.donorCode),
    ]);
    return { gates: [gate, retentionGate(retention)], resultsToFollow };
  }
}
