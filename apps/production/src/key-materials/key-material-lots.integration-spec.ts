import { randomUUID } from 'node:crypto';
import { SEEDED_KEY_MATERIAL_LOTS } from '@v2v/testing';
import {
  KeyMaterialTestContext,
  keyMaterialTestContext,
  NOW,
  operator,
  qa,
} from './__tests__/key-material-test-context';

// Real PostgreSQL: the production schema as migrated, written through the services' role.
let ctx: KeyMaterialTestContext;
beforeAll(async () => {
  ctx = await keyMaterialTestContext();
});
afterAll(() => ctx?.destroy());

const code = () => `IT-${randomUUID().slice(0, 8).toUpperCase()}`;
const assessment = {
  level: 'medium',
  summary: 'potency drives expansion',
  assessedBy: 'qa.li',
  assessedOn: '2026-09-15',
} as const;
const materialRows = async (materialCode: string) =>
  (
    await ctx.dataSource.query(`SELECT 1 FROM production.key_material WHERE material_code = $1`, [
      materialCode,
    ])
  ).length;

describe('key-material catalogue on real PostgreSQL (MAT-01, MAT-02)', () => {
  it('MAT-01 MAT-02 seeds a catalogue with assessed materials and two IVD reagents, one justified', async () => {
    const rows = await ctx.dataSource.query(
      `SELECT material_code, category, risk_level, ivd_approval_status, ivd_justification IS NOT NULL AS justified FROM production.key_material
        WHERE registered_by = 'seed' ORDER BY material_code`,
    );
    expect(rows.map((r: { category: string }) => r.category).sort()).toEqual([
      'cytokine',
      'ivd-reagent',
      'ivd-reagent',
      'serum',
      'single-use-set',
      'vector',
    ]);
    expect(
      rows.filter((r: { ivd_approval_status: string | null }) => r.ivd_approval_status),
    ).toEqual([
      expect.objectContaining({
        material_code: 'IVD-HIV-AGAB',
        ivd_approval_status: 'blood-screening-approved',
        justified: false,
      }),
      expect.objectContaining({
        material_code: 'IVD-TP-CLIA',
        ivd_approval_status: 'diagnostic-only',
        justified: true,
      }),
    ]);
    const lots = await ctx.dataSource.query(
      `SELECT lot_id, status, to_char(expires_on, 'YYYY-MM-DD') AS expires FROM production.key_material_lot WHERE lot_id = ANY($1)`,
      [Object.values(SEEDED_KEY_MATERIAL_LOTS)],
    );
    expect(lots).toHaveLength(8);
    expect(
      lots.find((l: { lot_id: string }) => l.lot_id === SEEDED_KEY_MATERIAL_LOTS.quarantinedVector)
        .status,
    ).toBe('quarantine');
    expect(
      lots.find(
        (l: { lot_id: string }) => l.lot_id === SEEDED_KEY_MATERIAL_LOTS.expiredInterleukin2,
      ).expires,
    ).toBe('2026-06-30');
  });

  it('MAT-01 registers a material with its risk assessment and its audit entry', async () => {
    const materialCode = code();
    const material = await ctx.register.execute(
      {
        materialCode,
        name: 'Recombinant IL-7',
        category: 'cytokine',
        riskAssessment: assessment,
        registeredBy: qa,
      },
      NOW,
    );
    expect(material).toMatchObject({
      materialCode,
      riskAssessment: assessment,
      ivd: null,
      registeredBy: qa.userId,
    });
    expect(await ctx.auditEntries('key-material', materialCode)).toBe(1);
  });

  it('MAT-01 refuses a material without a risk assessment and writes nothing', async () => {
    const materialCode = code();
    await expect(
      ctx.register.execute(
        { materialCode, name: 'Trypsin', category: 'enzyme', registeredBy: qa },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'MAT-01' });
    expect(await materialRows(materialCode)).toBe(0);
    expect(await ctx.auditEntries('key-material', materialCode)).toBe(0);
  });

  it('MAT-02 refuses a diagnostic-only IVD reagent without a justification, in the application and in the database', async () => {
    const materialCode = code();
    const ivd = { approvalStatus: 'diagnostic-only', marker: 'HBsAg' } as const;
    await expect(
      ctx.register.execute(
        {
          materialCode,
          name: 'HBsAg assay',
          category: 'ivd-reagent',
          riskAssessment: assessment,
          ivd,
          registeredBy: qa,
        },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: 'MAT-02',
    });
    expect(await materialRows(materialCode)).toBe(0);
    await expect(
      ctx.dataSource.query(
        `INSERT INTO production.key_material (material_code, name, category, risk_level, risk_summary, risk_assessed_by, risk_assessed_on, ivd_approval_status, ivd_marker, registered_by)
         VALUES ($1, 'HBsAg assay', 'ivd-reagent', 'medium', 's', 'qa.li', '2026-09-15', 'diagnostic-only', 'HBsAg', 'it')`,
        [materialCode],
      ),
    ).rejects.toThrow(/CHK_key_material_ivd_justification/);
  });
});

describe('key-material lots on real PostgreSQL (MAT-01)', () => {
  it('MAT-01 receives a lot into quarantine with its incoming inspection, once per request key', async () => {
    const requestKey = randomUUID();
    const command = {
      supplier: 'CytoPure Biologics',
      supplierLot: 'IL2-IT-1',
      expiresOn: '2027-12-31',
      certificateOfAnalysisChecked: true,
      inspectionResult: 'pass',
      requestKey,
      receivedBy: operator,
    } as const;
    const lot = await ctx.receive.execute('IL2-RH', command, NOW);
    expect(lot).toMatchObject({
      lotId: expect.stringMatching(/^KML-2026-\d{6}$/),
      status: 'quarantine',
      decision: null,
      inspection: { inspectedBy: operator.userId, result: 'pass' },
    });
    expect(await ctx.receive.execute('IL2-RH', command, NOW)).toEqual(lot);
    await expect(
      ctx.receive.execute('IL2-RH', { ...command, supplierLot: 'other' }, NOW),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect(await ctx.auditEntries('key-material-lot', lot.lotId)).toBe(1);
  });

  it('MAT-01 refuses a lot of a material that is not in the catalogue', async () => {
    await expect(ctx.newLot({ materialCode: 'NOT-CATALOGUED' })).rejects.toMatchObject({
      code: 'MAT-01',
      message: expect.stringContaining('not in the catalogue'),
    });
  });

  it('MAT-01 refuses releasing a lot whose inspection failed, changes nothing, and lets QA reject it', async () => {
    const lot = await ctx.newLot({
      inspection: { inspectionResult: 'fail', inspectionNote: 'seal broken' },
    });
    const release = {
      decision: 'released',
      eventId: randomUUID(),
      decidedBy: qa,
      signature: ctx.signature(lot.lotId, 'released'),
    } as const;
    await expect(
      ctx.decide.check(lot.lotId, 'released', release.eventId, NOW),
    ).rejects.toMatchObject({
      code: 'MAT-01',
    });
    await expect(ctx.decide.execute(lot.lotId, release, NOW)).rejects.toMatchObject({
      code: 'MAT-01',
      message: expect.stringContaining('failed its incoming inspection'),
    });
    expect(await ctx.auditEntries('key-material-lot', lot.lotId)).toBe(1);

    const rejected = await ctx.decide.execute(
      lot.lotId,
      {
        ...release,
        decision: 'rejected',
        comment: 'seal broken',
        signature: ctx.signature(lot.lotId, 'rejected', 'seal broken'),
      },
      NOW,
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      decision: {
        decision: 'rejected',
        decidedBy: qa.userId,
        comment: 'seal broken',
        signature: { meaning: 'rejected' },
      },
    });
    expect(await ctx.auditEntries('key-material-lot', lot.lotId)).toBe(2);
  });

  it('MAT-01 records a release once: the same event id answers the same, a second decision is refused', async () => {
    const lot = await ctx.newLot();
    const release = {
      decision: 'released',
      eventId: randomUUID(),
      decidedBy: qa,
      signature: ctx.signature(lot.lotId, 'released'),
    } as const;
    const released = await ctx.decide.execute(lot.lotId, release, NOW);
    expect(released.status).toBe('released');
    expect(await ctx.decide.execute(lot.lotId, release, NOW)).toEqual(released);
    await expect(
      ctx.decide.execute(
        lot.lotId,
        {
          decision: 'rejected',
          comment: 'late',
          eventId: randomUUID(),
          decidedBy: qa,
          signature: ctx.signature(lot.lotId, 'rejected', 'late'),
        },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: 'MAT-01',
      message: expect.stringContaining('already released'),
    });
  });

  it('MAT-01 allows the check of a recorded decision retried under its event id, and only then', async () => {
    const lot = await ctx.newLot();
    const release = {
      decision: 'released',
      eventId: randomUUID(),
      decidedBy: qa,
      signature: ctx.signature(lot.lotId, 'released'),
    } as const;
    const released = await ctx.decide.execute(lot.lotId, release, NOW);
    // Its answer lost, the same request again: checked allowed, answered as the first time.
    expect(await ctx.decide.check(lot.lotId, 'released', release.eventId, NOW)).toEqual({
      lotId: lot.lotId,
      decision: 'released',
      allowed: true,
    });
    expect(await ctx.decide.execute(lot.lotId, release, NOW)).toEqual(released);
    expect(await ctx.auditEntries('key-material-lot', lot.lotId)).toBe(2);
    await expect(ctx.decide.check(lot.lotId, 'released', randomUUID(), NOW)).rejects.toMatchObject({
      code: 'MAT-01',
      message: expect.stringContaining('already released'),
    });
    await expect(
      ctx.decide.check(lot.lotId, 'rejected', release.eventId, NOW),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('CSV-02 refuses a decision whose signature means something else, or was made for another lot, and records nothing', async () => {
    const lot = await ctx.newLot();
    const other = await ctx.newLot();
    const decide = (signature: ReturnType<typeof ctx.signature>) =>
      ctx.decide.execute(
        lot.lotId,
        { decision: 'released', eventId: randomUUID(), decidedBy: qa, signature },
        NOW,
      );
    await expect(decide(ctx.signature(lot.lotId, 'rejected'))).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining("it means 'rejected'"),
    });
    await expect(decide(ctx.signature(other.lotId, 'released'))).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining(`made for key-material-lot ${other.lotId}`),
    });
    const forged = { ...ctx.signature(lot.lotId, 'released'), signedAt: NOW.toISOString() };
    forged.seal = Buffer.alloc(64, 7).toString('base64');
    await expect(decide(forged)).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining('seal'),
    });
    expect(await ctx.auditEntries('key-material-lot', lot.lotId)).toBe(1);
    expect(
      await ctx.count(
        `SELECT count(*)::int AS n FROM production.electronic_signature WHERE record_id = $1`,
        [lot.lotId],
      ),
    ).toBe(0);
  });

  it('MAT-01 the database refuses a second decision, a changed inspection and a delete, whoever asks', async () => {
    const lot = await ctx.newLot({ decision: 'released' });
    const quarantined = await ctx.newLot();
    for (const db of [ctx.dataSource, ctx.owner]) {
      await expect(
        db.query(`UPDATE production.key_material_lot SET status = 'rejected' WHERE lot_id = $1`, [
          lot.lotId,
        ]),
      ).rejects.toThrow(/decision on a lot is final/);
      await expect(
        db.query(
          `UPDATE production.key_material_lot SET expires_on = '2030-01-01' WHERE lot_id = $1`,
          [quarantined.lotId],
        ),
      ).rejects.toThrow(/inspection record/);
      await expect(
        db.query(`DELETE FROM production.key_material_lot WHERE lot_id = $1`, [quarantined.lotId]),
      ).rejects.toThrow(/cannot be deleted/);
    }
    // A release without a passed inspection is refused by the constraint too.
    const failed = await ctx.newLot({ inspection: { inspectionResult: 'fail' } });
    await expect(
      ctx.dataSource.query(
        `UPDATE production.key_material_lot SET status = 'released', decided_by = 'x', decided_at = now(), decision_signature = '{}' WHERE lot_id = $1`,
        [failed.lotId],
      ),
    ).rejects.toThrow(/CHK_key_material_lot_release/);
  });
});
