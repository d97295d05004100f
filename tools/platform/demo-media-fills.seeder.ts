import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DEMO_MEDIA_FILLS } from '@v2v/testing';
import { judgeMediaFill } from '../../apps/production/src/media-fills/media-fill-rules';
import { DemoMediaFillsRepository } from './demo-media-fills.repository';

const S = 'production';
const SEED_ACTOR = { userId: 'seed', role: 'ops' } as const;
const DAY_MS = 86_400_000;
const UNITS_FILLED = 300;

/**
 * Local only: the demo media fills of `@v2v/testing`'s DEMO_MEDIA_FILLS on the demo lines and
 * shifts (seeded before, by `seedDemoFacility`), each a single run of the reference product
 * with no contaminated unit, judged as the service judges it, and audited as created by the
 * seeder. Returns how many runs it created.
 */
export async function seedDemoMediaFills(
  manager: EntityManager,
  now = new Date(),
): Promise<number> {
  const demo = new DemoMediaFillsRepository(manager);
  let created = 0;
  for (const m of DEMO_MEDIA_FILLS) {
    const run = {
      media_fill_id: randomUUID(),
      event_id: m.eventId,
      line_code: m.lineCode,
      shift_code: m.shiftCode,
      performed_on: new Date(now.getTime() - m.performedDaysAgo * DAY_MS)
        .toISOString()
        .slice(0, 10),
      kind: m.kind,
      approach: 'single',
      product_codes: JSON.stringify(['CART-CD19']),
      equipment_classes: JSON.stringify(['isolator', 'biosafety-cabinet']),
      operations_not_simulated: JSON.stringify([
        {
          operation: 'cryopreservation',
          rationale: 'freezing inhibits microbial growth and would mask contamination (§9(2)4)',
        },
      ]),
      units_filled: UNITS_FILLED,
      units_contaminated: 0,
      result: judgeMediaFill(UNITS_FILLED, 0),
      recorded_by: SEED_ACTOR.userId,
      recorded_by_role: SEED_ACTOR.role,
    };
    if (!(await demo.insert(run))) continue;
    created += 1;
    await writeAudit(manager, S, {
      recordType: 'media-fill',
      recordId: run.media_fill_id,
      action: 'create',
      actor: SEED_ACTOR,
      newValue: run,
    });
  }
  return created;
}
