import { z } from 'zod';
import { qcCriterionSchema, refineUniqueTestCodes, testCodeSchema } from './qc-test-plan';

/*
 * The donor material's own quality tests (seed §7(1) "供者材料的质量标准", QA-02.5): each test of
 * the apheresis material with its method and acceptance criterion as data, judged by the
 * system like the batch's QC tests (the criterion shapes are the QC test plan's), and whether
 * QA may release the material to production before its result is in.
 */

const text = (max = 200) => z.string().trim().min(1).max(max);

/**
 * `before-material-release`: QA's material release (DON-06) needs its result, within
 * specification; `may-follow-material-release`: the material may go into production while it
 * runs (a 7-day sterility of the apheresis material), and the batch release then needs QA's
 * impact assessment of the donor material (§10(2), QA-02.5).
 */
export const DONOR_MATERIAL_TEST_GATINGS = [
  'before-material-release',
  'may-follow-material-release',
] as const;
export type DonorMaterialTestGating = (typeof DONOR_MATERIAL_TEST_GATINGS)[number];

export const donorMaterialTestSchema = z.strictObject({
  code: testCodeSchema,
  name: text(),
  method: text(),
  criterion: qcCriterionSchema,
  gating: z.enum(DONOR_MATERIAL_TEST_GATINGS),
});
export type DonorMaterialTest = z.infer<typeof donorMaterialTestSchema>;

export const donorMaterialTestsSchema = z
  .array(donorMaterialTestSchema)
  .min(1)
  .max(20)
  .superRefine(refineUniqueTestCodes);
export type DonorMaterialTests = z.infer<typeof donorMaterialTestsSchema>;
