import type { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DEMO_PROCESSES } from '@v2v/testing';
import { DemoProcessesRepository } from './demo-processes.repository';

const SEED_ACTOR = { userId: 'seed', role: 'ops' } as const;
/** The demo floor's worst case (§9(3)2): two lines per area, two isolators per room, 4 people. */
const SEEDED_WORST_CASE = {
  maxConcurrentLinesInArea: 2,
  maxConcurrentIsolatorsInRoom: 2,
  operators: 4,
} as const;

/**
 * Local only: the demo process definitions of `@v2v/testing` (CART-CD19 v1), each audited as
 * created by the seeder, with a `validated` decision entered by the seeder (no signature, like
 * the seeded key-material lots) so that local journeys run commercial batches (PRD-03); other
 * validations are QA's signature through the API. Returns how many rows it created.
 */
export async function seedDemoProcesses(manager: EntityManager): Promise<number> {
  const demo = new DemoProcessesRepository(manager);
  let created = 0;
  for (const p of DEMO_PROCESSES) {
    const row = {
      productCode: p.productCode,
      processVersion: p.processVersion,
      specificationVersion: p.specificationVersion,
      name: p.content.name,
      content: p.content,
      cellCountParameter: p.content.cellCountParameter ?? '',
      eventId: `seed-process-${p.productCode}-v${p.processVersion}`,
      publishedBy: SEED_ACTOR.userId,
    };
    const recordId = `${p.productCode}/v${p.processVersion}`;
    if (await demo.insertDefinition(row)) {
      created += 1;
      await writeAudit(manager, 'production', {
        recordType: 'process-definition',
        recordId,
        action: 'create',
        actor: SEED_ACTOR,
        newValue: row,
      });
    }
    const validation = {
      productCode: p.productCode,
      processVersion: p.processVersion,
      status: 'validated',
      worstCase: SEEDED_WORST_CASE,
      reportReference: `PV-SEED-${p.productCode}-v${p.processVersion}`,
      eventId: `seed-process-validation-${p.productCode}-v${p.processVersion}`,
      decidedBy: SEED_ACTOR,
    };
    const validationId = await demo.insertSeededValidation(validation);
    if (!validationId) continue;
    created += 1;
    await writeAudit(manager, 'production', {
      recordType: 'process-validation',
      recordId: validationId,
      action: 'create',
      actor: SEED_ACTOR,
      newValue: { ...validation, subject: recordId },
    });
  }
  return created;
}
