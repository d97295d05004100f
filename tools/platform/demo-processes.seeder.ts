import type { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DEMO_PROCESSES } from '@v2v/testing';
import { DemoProcessesRepository } from './demo-processes.repository';

const SEED_ACTOR = { userId: 'seed', role: 'ops' } as const;

/**
 * Local only: the demo process definitions of `@v2v/testing` (CART-CD19 v1), each audited as
 * created by the seeder. No validation is seeded: a validation decision is QA's signature, so
 * the demo and the tests sign one through the API. Returns how many definitions it created.
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
    if (!(await demo.insertDefinition(row))) continue;
    created += 1;
    await writeAudit(manager, 'production', {
      recordType: 'process-definition',
      recordId: `${p.productCode}/v${p.processVersion}`,
      action: 'create',
      actor: SEED_ACTOR,
      newValue: row,
    });
  }
  return created;
}
