import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { writeAudit } from '@v2v/audit';
import { Actor, DomainError, journeyWorkflowId } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';

export const deviationClosureSchema = z.strictObject({
  donorCode: z.string().min(1),
  investigation: z.string().trim().min(1).max(4000),
  rootCause: z.string().trim().min(1).max(2000),
  correctiveAction: z.string().trim().min(1).max(2000),
  closedBy: z.strictObject({ userId: z.string().min(1), role: z.string().min(1) }),
  signature: z.looseObject({
    signatureId: z.string().min(1),
    signedContentHash: z.string().min(1),
  }),
});
type DeviationClosure = z.infer<typeof deviationClosureSchema>;

/**
 * Deviations of a donor's material and their closure by QA (DON-06.4): a unit is released to
 * production only when every deviation raised for it has been investigated and closed.
 */
@Controller('internal/deviations')
export class DeviationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':donorCode')
  list(@Param('donorCode') donorCode: string) {
    return this.dataSource.query(
      `SELECT r."event_id" AS "deviationId", r."summary" AS "description", r."occurred_at" AS "raisedAt",
              c."investigation", c."root_cause" AS "rootCause", c."corrective_action" AS "correctiveAction",
              c."closed_by" AS "closedBy", c."closed_at" AS "closedAt",
              CASE WHEN c."deviation_id" IS NULL THEN 'open' ELSE 'closed' END AS "status"
         FROM "donor_intake"."step_record" r
         LEFT JOIN "donor_intake"."deviation_closure" c ON c."deviation_id" = r."event_id"
        WHERE r."donor_code" = $1 AND r."record_type" = 'deviation' ORDER BY r."occurred_at"`,
      [donorCode],
    );
  }

  @Post(':deviationId/close')
  close(
    @Param('deviationId') deviationId: string,
    @Body(new ZodBodyPipe(deviationClosureSchema)) body: DeviationClosure,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const [deviation] = await manager.query(
        `SELECT "event_id" FROM "donor_intake"."step_record" WHERE "event_id" = $1 AND "donor_code" = $2 AND "record_type" = 'deviation'`,
        [deviationId, body.donorCode],
      );
      if (!deviation)
        throw new DomainError(
          'NOT_FOUND',
          `no deviation ${deviationId} for donor code ${body.donorCode}`,
        );
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "donor_intake"."deviation_closure" ("deviation_id", "donor_code", "investigation", "root_cause", "corrective_action", "closed_by", "signature")
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ("deviation_id") DO NOTHING RETURNING "deviation_id"`,
        [
          deviationId,
          body.donorCode,
          body.investigation,
          body.rootCause,
          body.correctiveAction,
          body.closedBy.userId,
          JSON.stringify(body.signature),
        ],
      );
      if (!inserted.length)
        throw new DomainError(
          'DEVIATION_ALREADY_CLOSED',
          `deviation ${deviationId} is already closed`,
        );
      const closure = {
        deviationId,
        investigation: body.investigation,
        rootCause: body.rootCause,
        correctiveAction: body.correctiveAction,
        signature: body.signature,
      };
      await writeAudit(manager, 'donor_intake', {
        recordType: 'deviation-closure',
        recordId: deviationId,
        journeyId: journeyWorkflowId(body.donorCode),
        action: 'create',
        actor: body.closedBy as Actor,
        newValue: closure,
      });
      return { ...closure, status: 'closed' };
    });
  }
}
