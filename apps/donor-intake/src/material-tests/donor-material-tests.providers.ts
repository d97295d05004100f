import { DonorMaterialTestRepository } from './donor-material-test.repository';
import { AssessDonorMaterialImpactUseCase } from './usecases/assess-donor-material-impact.usecase';
import { ReadDonorMaterialTestsUseCase } from './usecases/read-donor-material-tests.usecase';
import { RecordDonorMaterialResultsUseCase } from './usecases/record-donor-material-results.usecase';

/**
 * The donor material's own tests (§7(1), DON-06, QA-02.5), for the app module: they need the
 * app's signature recorder, and the material release and the release gates read them too.
 */
export const DONOR_MATERIAL_TEST_PROVIDERS = [
  DonorMaterialTestRepository,
  ReadDonorMaterialTestsUseCase,
  RecordDonorMaterialResultsUseCase,
  AssessDonorMaterialImpactUseCase,
];
