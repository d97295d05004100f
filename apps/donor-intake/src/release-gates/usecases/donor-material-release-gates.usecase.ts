import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type ReleaseGate, type ReleaseGateQuery, requireDonorCode } from '@v2v/contracts';
import { DeviationRepository } from '../../material/deviation.repository';
import type { InspectionItem } from '../../material/receipt-inspection.rules';
import { DonorMaterialTestRepository } from '../../material-tests/donor-material-test.repository';
import { donorMaterialTestStandings } from '../../material-tests/donor-material-test-rules';
import {
  donorOrderGate,
  materialDeviationsGate,
  materialTestsGate,
} from '../donor-material-gate-rules';
import { DonorMaterialGateRepository } from '../donor-material-gate.repository';

/**
 * The release gates donor-intake answers for: QA-02.3 (the donor material's deviations),
 * QA-02.4 (the order is the donor code's) and QA-02.5 (material used before its tests
 * completed), read in one snapshot.
 */
@Injectable()
export class DonorMaterialReleaseGatesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: DonorMaterialGateRepository,
    private readonly deviations: DeviationRepository,
    private readonly materialTests: DonorMaterialTestRepository,
  ) {}

  execute(query: ReleaseGateQuery): Promise<ReleaseGate[]> {
    const donorCode = requireDonorCode(query.donorCode);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const screening = await this.records.latest<{
        results: Array<{ marker: string }>;
        specificationVersion?: number;
      }>(manager, donorCode, { recordType: 'donor-screening' });
      const receipt = await this.records.latest<{ inspection?: InspectionItem[] }>(
        manager,
        donorCode,
        { recordType: 'receipt' },
      );
      const release = await this.records.latest(manager, donorCode, { step: 'releaseMaterial' });
      const markerCheck = receipt?.detail.inspection?.find((i) => i.item === 'DON-04.6');
      const plan = await this.materialTests.plan(donorCode, manager);
      const donorMaterial = plan && {
        standings: donorMaterialTestStandings(
          plan.tests,
          await this.materialTests.results(donorCode, manager),
        ),
        pendingAtRelease: await this.materialTests.pendingAtLatestRelease(donorCode, manager),
        assessment: (await this.materialTests.assessments(donorCode, manager)).at(-1),
      };
      return [
        materialDeviationsGate(await this.deviations.list(donorCode, manager)),
        donorOrderGate(
          { donorCode, journeyId: query.journeyId },
          await this.records.donor(manager, donorCode),
          await this.records.journeyIds(manager, donorCode),
        ),
        materialTestsGate({
          screening: screening && {
            recordedAt: screening.recordedAt,
            markers: screening.detail.results.map((r) => r.marker).sort(),
            specificationVersion: screening.detail.specificationVersion,
          },
          markerCheck: markerCheck && { passed: markerCheck.passed, reason: markerCheck.reason },
          releasedAt: release?.recordedAt,
          donorMaterial,
        }),
      ];
    });
  }
}
