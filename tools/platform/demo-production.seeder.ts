import 'reflect-metadata';
import { DataSource, DataSourceOptions, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { CART_CD19_V1 } from '@v2v/contracts';
import { migrationDatabaseUrl } from '@v2v/database';
import { DEMO_KEY_MATERIAL_LOTS, DEMO_KEY_MATERIALS } from '@v2v/testing';
import { productionDataSourceOptions } from '../../apps/production/src/production.data-source';
import { seedDemoFacility } from './demo-facility.seeder';
import { seedDemoMediaFills } from './demo-media-fills.seeder';
import { seedDemoProcesses } from './demo-processes.seeder';
import { DemoProductionRepository } from './demo-production.repository';
import { assertLocalEnvironment } from './local-environment';

const S = 'production';
/** Seeded records name this actor; they were entered by the seeder, not signed by anyone. */
const SEED_ACTOR = { userId: 'seed', role: 'ops' } as const;

/**
 * Local only (`npm start`, the tests): the reference product specification CART-CD19 v1 and
 * a small key-material catalogue with lots in every state a demo or test needs, exactly as
 * the seed migrations used to create them (same codes, versions, lots, audit entries).
 * Idempotent: rows already there (an older database, an earlier run) are left as they are.
 */
export async function seedDemoProduction(log: (line: string) => void = console.log): Promise<void> {
  assertLocalEnvironment(process.env, 'seeding demo production data');
  const dataSource = new DataSource({
    ...productionDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions);
  await dataSource.initialize();
  try {
    const created = await dataSource.transaction(async (manager) => {
      const demo = new DemoProductionRepository(manager);
      const specification = await demo.insertSpecification({
        productCode: 'CART-CD19',
        version: 1,
        name: CART_CD19_V1.name,
        content: CART_CD19_V1,
        publishedBy: SEED_ACTOR.userId,
      });
      const materials = await seedMaterials(manager, demo);
      const lots = await seedLots(manager, demo);
      const facility = await seedDemoFacility(manager);
      const mediaFills = await seedDemoMediaFills(manager);
      const processes = await seedDemoProcesses(manager);
      return { specification, materials, lots, facility, mediaFills, processes };
    });
    log(
      `seed: CART-CD19 v1 ${created.specification ? 'created' : 'present'}, ${created.materials} key material(s) and ${created.lots} lot(s), ${created.facility} facility record(s), ${created.mediaFills} media fill(s), ${created.processes} process definition(s) created`,
    );
  } finally {
    await dataSource.destroy();
  }
}

async function seedMaterials(manager: EntityManager, demo: DemoProductionRepository) {
  let created = 0;
  for (const m of DEMO_KEY_MATERIALS) {
    const ivd = 'ivd' in m ? m.ivd : null;
    const riskAssessment = {
      level: m.risk,
      summary: m.summary,
      assessedBy: 'qa.li',
      assessedOn: '2026-09-15',
    };
    const inserted = await demo.insertMaterial([
      m.code,
      m.name,
      m.category,
      m.risk,
      m.summary,
      riskAssessment.assessedBy,
      riskAssessment.assessedOn,
      ivd?.status ?? null,
      ivd?.marker ?? null,
      ivd?.justification ?? null,
      SEED_ACTOR.userId,
    ]);
    if (!inserted) continue;
    created += 1;
    await writeAudit(manager, S, {
      recordType: 'key-material',
      recordId: m.code,
      action: 'create',
      actor: SEED_ACTOR,
      newValue: {
        materialCode: m.code,
        name: m.name,
        category: m.category,
        riskAssessment,
        ivd: ivd && {
          approvalStatus: ivd.status,
          marker: ivd.marker,
          justification: ivd.justification,
        },
      },
    });
  }
  return created;
}

async function seedLots(manager: EntityManager, demo: DemoProductionRepository) {
  let created = 0;
  for (const lot of DEMO_KEY_MATERIAL_LOTS) {
    const receivedAt = `${lot.received}T09:00:00.000Z`;
    const decidedAt = lot.status === 'quarantine' ? null : `${lot.received}T15:00:00.000Z`;
    const comment = 'seeded as released for demos and tests';
    const inserted = await demo.insertLot([
      lot.id,
      lot.material,
      lot.supplier,
      lot.supplierLot,
      lot.expires,
      SEED_ACTOR.userId,
      receivedAt,
      `seed:${lot.id}`,
      lot.status,
      decidedAt && SEED_ACTOR.userId,
      decidedAt,
      decidedAt && comment,
    ]);
    if (!inserted) continue;
    created += 1;
    await writeAudit(manager, S, {
      recordType: 'key-material-lot',
      recordId: lot.id,
      action: 'create',
      actor: SEED_ACTOR,
      newValue: {
        lotId: lot.id,
        materialCode: lot.material,
        status: lot.status,
        inspection: {
          supplier: lot.supplier,
          supplierLot: lot.supplierLot,
          expiresOn: lot.expires,
          certificateOfAnalysisChecked: true,
          result: 'pass',
          note: null,
          inspectedBy: SEED_ACTOR.userId,
          receivedAt,
        },
        decision: decidedAt && {
          decision: lot.status,
          decidedBy: SEED_ACTOR.userId,
          decidedAt,
          comment,
          signature: null,
        },
      },
    });
  }
  return created;
}
