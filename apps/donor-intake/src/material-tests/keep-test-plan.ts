import type { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { Actor, DonorMaterialTests, ProductSpecification } from '@v2v/contracts';
import { DonorMaterialTestRepository } from './donor-material-test.repository';

/**
 * Keeps the donor material tests of the journey's pinned specification, once, with its audit
 * entry (at receipt, or at release for a unit received before they were kept): every result
 * is then judged by the same tests. Undefined for a version that defines none.
 */
export async function keepTestPlan(
  tests: DonorMaterialTestRepository,
  manager: EntityManager,
  step: {
    donorCode: string;
    journeyId: string;
    actor: Actor;
    specification: ProductSpecification;
  },
): Promise<DonorMaterialTests | undefined> {
  const { donorCode, journeyId, actor, specification } = step;
  const planned = specification.donorMaterialTests;
  if (!planned?.length) return undefined;
  const plan = { productCode: specification.productCode, version: specification.version };
  if (await tests.keepPlan(manager, donorCode, { ...plan, tests: planned }))
    await writeAudit(manager, 'donor_intake', {
      recordType: 'donor-material-test-plan',
      recordId: donorCode,
      journeyId,
      action: 'create',
      actor,
      newValue: { ...plan, tests: planned.map((t) => t.code) },
    });
  return (await tests.plan(donorCode, manager))?.tests;
}
