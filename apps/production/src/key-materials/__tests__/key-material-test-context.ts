import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import { Actor, formatDonorCode, generateDonorUniqueCode, journeyWorkflowId } from '@v2v/contracts';
import { migrationDatabaseUrl } from '@v2v/database';
import { RandomUuidGenerator, SystemClock } from '@v2v/service-kit';
import {
  sealSignature,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
  SignatureRecorder,
} from '@v2v/signatures';
import { productionDataSourceOptions } from '../../production.data-source';
import { LotDecision } from '../key-material';
import { KeyMaterialConsumptionRepository } from '../key-material-consumption.repository';
import { KeyMaterialRepository } from '../key-material.repository';
import { DecideKeyMaterialLotUseCase } from '../usecases/decide-key-material-lot.usecase';
import { KeyMaterialGenealogyUseCase } from '../usecases/key-material-genealogy.usecase';
import {
  ReceiveKeyMaterialLotCommand,
  ReceiveKeyMaterialLotUseCase,
} from '../usecases/receive-key-material-lot.usecase';
import { RecordKeyMaterialConsumptionUseCase } from '../usecases/record-key-material-consumption.usecase';
import { RegisterKeyMaterialUseCase } from '../usecases/register-key-material.usecase';

/** A fixed "now" inside the seeded lots' shelf life, so the tests do not age. */
export const NOW = new Date('2026-11-25T10:00:00Z');
export const operator: Actor = { userId: 'it.operator', role: 'operator' };
export const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };

/**
 * Integration tests on the real production schema as migrated, through the services' own
 * database role; `owner` is the schema owner (migrations), for the refusals that hold even for it.
 */
export async function keyMaterialTestContext() {
  const dataSource = await new DataSource(productionDataSourceOptions()).initialize();
  const owner = await new DataSource({
    ...productionDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions).initialize();
  const clock = new SystemClock();
  const materials = new KeyMaterialRepository(dataSource);
  const consumptions = new KeyMaterialConsumptionRepository(dataSource);
  const receive = new ReceiveKeyMaterialLotUseCase(dataSource, materials, clock);
  const decide = new DecideKeyMaterialLotUseCase(
    dataSource,
    materials,
    new SignatureRecorder('production', signatureSealPublicKey()),
    clock,
  );
  const count = async (sql: string, params: unknown[]) =>
    ((await dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;
  /** A signature as the gateway seals it (CSV-02) for this decision on this lot. */
  const signature = (
    lotId: string,
    meaning: LotDecision,
    comment: string | null = null,
    signer: Actor = qa,
  ) =>
    sealSignature(
      signatureOf(
        {
          meaning,
          recordType: 'key-material-lot',
          recordId: lotId,
          detail: { lotId, decision: meaning, comment },
        },
        signer,
        NOW,
      ),
      signatureSealPrivateKey(),
    );

  return {
    dataSource,
    owner,
    register: new RegisterKeyMaterialUseCase(dataSource, materials, clock),
    receive,
    decide,
    consume: new RecordKeyMaterialConsumptionUseCase(
      dataSource,
      materials,
      consumptions,
      clock,
      new RandomUuidGenerator(),
    ),
    genealogy: new KeyMaterialGenealogyUseCase(materials, consumptions),
    signature,
    count,

    /** A lot of a seeded material, received with the given inspection and optionally decided. */
    async newLot(
      options: {
        materialCode?: string;
        decision?: LotDecision;
        inspection?: Partial<ReceiveKeyMaterialLotCommand>;
      } = {},
    ) {
      const lot = await receive.execute(
        options.materialCode ?? 'IL2-RH',
        {
          supplier: 'CytoPure Biologics',
          supplierLot: `IT-${randomUUID().slice(0, 6)}`,
          expiresOn: '2027-12-31',
          certificateOfAnalysisChecked: true,
          inspectionResult: 'pass',
          requestKey: randomUUID(),
          receivedBy: operator,
          ...options.inspection,
        },
        NOW,
      );
      if (!options.decision) return lot;
      const decision = {
        decision: options.decision,
        comment: 'it',
        eventId: randomUUID(),
        decidedBy: qa,
        signature: signature(lot.lotId, options.decision, 'it'),
      };
      return decide.execute(lot.lotId, decision, NOW);
    },

    /** A batch in production for a fresh donor code (facility Z9999 marks test data). */
    async newBatchInProduction() {
      const donorCode = formatDonorCode(
        generateDonorUniqueCode({ facility: 'Z9999', year: 2026, sequence: randomInt(1, 999_999) }),
      );
      const batchNumber = `IT-${randomUUID().slice(0, 8)}`;
      const journeyId = journeyWorkflowId(donorCode);
      await dataSource.query(
        `INSERT INTO production.batch (batch_number, donor_code, journey_id, product_code, status, label_content, started_at)
         VALUES ($1, $2, $3, 'CART-CD19', 'in-production', '{}', now())`,
        [batchNumber, donorCode, journeyId],
      );
      return { donorCode, batchNumber, journeyId };
    },

    consumptionsWithEvent: (eventId: string) =>
      count(
        `SELECT count(*)::int AS n FROM production.key_material_consumption WHERE event_id = $1`,
        [eventId],
      ),
    outboxWithCause: (eventId: string) =>
      count(
        `SELECT count(*)::int AS n FROM production.outbox WHERE envelope->'metadata'->>'causationId' = $1`,
        [eventId],
      ),
    auditEntries: (recordType: string, recordId: string) =>
      count(
        `SELECT count(*)::int AS n FROM production.audit_entry WHERE record_type = $1 AND record_id = $2`,
        [recordType, recordId],
      ),

    async destroy() {
      await dataSource.destroy();
      await owner.destroy();
    },
  };
}
export type KeyMaterialTestContext = Awaited<ReturnType<typeof keyMaterialTestContext>>;
