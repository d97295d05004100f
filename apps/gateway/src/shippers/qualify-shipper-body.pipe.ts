import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import {
  shipperQualificationDecisionProblems,
  shipperQualificationSchema,
  signatureRequestSchema,
} from '@v2v/contracts';
import { validationBody } from '@v2v/service-kit';
import { Clock } from '@v2v/service-kit';

/** The body of a (re)qualification: the decision and the password re-entered. */
export const qualifyBodyShape = z.strictObject({
  qualification: shipperQualificationSchema,
  signature: signatureRequestSchema,
});
export type QualifyBody = z.infer<typeof qualifyBodyShape>;

/**
 * Validates a qualification with its dates checked against today (the Clock), so a lapsed
 * decision is a 400 naming its field before anything is signed; the owning service checks
 * again when it records. The same 400 body as ZodBodyPipe.
 */
@Injectable()
export class QualifyShipperBodyPipe implements PipeTransform<unknown, QualifyBody> {
  constructor(private readonly clock: Clock) {}

  transform(value: unknown): QualifyBody {
    const today = this.clock.today();
    const qualification = shipperQualificationSchema.superRefine((decision, ctx) => {
      for (const problem of shipperQualificationDecisionProblems(decision, today))
        ctx.addIssue({ code: 'custom', ...problem });
    });
    const result = qualifyBodyShape.extend({ qualification }).safeParse(value);
    if (!result.success) throw new BadRequestException(validationBody(result.error));
    return result.data;
  }
}
