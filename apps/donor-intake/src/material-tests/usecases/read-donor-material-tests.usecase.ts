import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type DonorMaterialTestsView, requireDonorCode } from '@v2v/contracts';
import { donorMaterialTestStandings } from '../donor-material-test-rules';
import { DonorMaterialTestRepository } from '../donor-material-test.repository';

/**
 * The donor material's tests of one journey (QA-02.5): each with its effective result, every
 * result as recorded, what was pending at QA's material release and the signed assessments,
 * read in one snapshot.
 */
@Injectable()
export class ReadDonorMaterialTestsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tests: DonorMaterialTestRepository,
  ) {}

  execute(code: string): Promise<DonorMaterialTestsView> {
    const donorCode = requireDonorCode(code);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const plan = await this.tests.plan(donorCode, manager);
      const results = await this.tests.results(donorCode, manager);
      return {
        donorCode,
        specification: plan ? { productCode: plan.productCode, version: plan.version } : null,
        tests: plan ? donorMaterialTestStandings(plan.tests, results) : [],
        results,
        pendingAtMaterialRelease:
          (await this.tests.pendingAtLatestRelease(donorCode, manager)) ?? null,
        assessments: await this.tests.assessments(donorCode, manager),
      };
    });
  }
}
