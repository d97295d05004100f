import { z } from 'zod';

/*
 * The QC test plan of a product specification (QA-02.1, §10(2)): each test with its method, its
 * sample and its acceptance criterion as data, so the system (not the analyst) decides whether
 * a raw result is within specification; and whether the test gates the release.
 */

const text = (max = 200) => z.string().trim().min(1).max(max);

/**
 * `before-release`: its result is needed before the qualified person may release;
 * `may-follow-release`: a conditional release may go ahead while it runs (a 14-day sterility),
 * due `resultDueDays` after the batch's completion; `informational`: judged, never gating.
 */
export const QC_TEST_GATINGS = ['before-release', 'may-follow-release', 'informational'] as const;
export type QcTestGating = (typeof QC_TEST_GATINGS)[number];

export const qcCriterionSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('range'),
      unit: text(32),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, {
      message: 'a range criterion has at least one bound (min or max)',
    })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      message: 'min must not exceed max',
    }),
  z.strictObject({
    kind: z.literal('allowed'),
    values: z.array(text(100)).min(1).max(20),
  }),
]);
export type QcCriterion = z.infer<typeof qcCriterionSchema>;

/** A raw result against a criterion: its verdict, or why it cannot be judged by it. */
export type CriterionJudgment =
  { verdict: 'within-specification' | 'out-of-specification' } | { unjudgeable: string };

const normalized = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The system, not the analyst, decides whether a raw result meets a criterion: a range test's
 * number within its bounds (inclusive) in the criterion's unit, an allowed-set test's
 * observation one of the allowed values (case and spacing aside). Shared by the QC results of
 * the batch (QA-02.1) and the donor material's own tests (QA-02.5), so both judge alike.
 */
export function judgeAgainstCriterion(
  testCode: string,
  criterion: QcCriterion,
  entry: { value: number | string; unit?: string },
): CriterionJudgment {
  if (criterion.kind === 'range') {
    if (typeof entry.value !== 'number')
      return {
        unjudgeable: `test ${testCode} is a range test and takes a number, not "${entry.value}"`,
      };
    if (entry.unit !== criterion.unit)
      return {
        unjudgeable: `test ${testCode} is judged in ${criterion.unit}; the result is in ${entry.unit ?? 'no unit'}`,
      };
    const low = criterion.min === undefined || entry.value >= criterion.min;
    const high = criterion.max === undefined || entry.value <= criterion.max;
    return { verdict: low && high ? 'within-specification' : 'out-of-specification' };
  }
  if (typeof entry.value !== 'string')
    return {
      unjudgeable: `test ${testCode} takes one of ${criterion.values.map((v) => `"${v}"`).join(', ')}, not the number ${entry.value}`,
    };
  if (entry.unit !== undefined)
    return { unjudgeable: `test ${testCode} is an allowed-set test and takes no unit` };
  const observed = normalized(entry.value);
  return {
    verdict: criterion.values.some((v) => normalized(v) === observed)
      ? 'within-specification'
      : 'out-of-specification',
  };
}

/** A test's code, unique in its plan (QC plan or the donor material's tests). */
export const testCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a test code: 2-40 lower-case letters, digits, dashes');

/** Refuses a plan naming one test code twice, at the second. */
export function refineUniqueTestCodes(tests: Array<{ code: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  tests.forEach((test, index) => {
    if (seen.has(test.code))
      ctx.addIssue({
        code: 'custom',
        path: [index, 'code'],
        message: `test code ${test.code} appears twice`,
      });
    seen.add(test.code);
  });
}

export const qcTestSchema = z
  .strictObject({
    code: testCodeSchema,
    name: text(),
    method: text(),
    sample: text(),
    criterion: qcCriterionSchema,
    gating: z.enum(QC_TEST_GATINGS),
    resultDueDays: z.number().int().positive().max(365).optional(),
  })
  .refine((t) => t.gating !== 'may-follow-release' || t.resultDueDays !== undefined, {
    message: 'a test that may follow the release states resultDueDays',
    path: ['resultDueDays'],
  });
export type QcTest = z.infer<typeof qcTestSchema>;

export const qcTestPlanSchema = z
  .array(qcTestSchema)
  .min(1)
  .max(40)
  .superRefine((plan, ctx) => {
    refineUniqueTestCodes(plan, ctx);
    if (!plan.some((t) => t.gating === 'before-release'))
      ctx.addIssue({
        code: 'custom',
        message: 'a test plan has at least one test needed before release (QA-02.1)',
      });
  });
export type QcTestPlan = z.infer<typeof qcTestPlanSchema>;
