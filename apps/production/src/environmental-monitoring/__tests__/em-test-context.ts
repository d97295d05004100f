import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import {
  Actor,
  type CleanroomGrade,
  type EmResultEntry,
  formatDonorCode,
  generateDonorUniqueCode,
  type ImpactConclusion,
  journeyWorkflowId,
} from '@v2v/contracts';
import { migrationDatabaseUrl } from '@v2v/database';
import { RandomUuidGenerator, SystemClock } from '@v2v/service-kit';
import { INSERT_ROOM_BOOKING_SQL, roomBookingParams } from '@v2v/testing';
import {
  sealSignature,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
  SignatureRecorder,
} from '@v2v/signatures';
import { FacilityRepository } from '../../facility/facility.repository';
import { productionDataSourceOptions } from '../../production.data-source';
import { EmDeviationRepository } from '../em-deviation.repository';
import { EmResultRecorder } from '../em-result-recorder';
import { EnvironmentalMonitoringRepository } from '../environmental-monitoring.repository';
import {
  AssessContaminationImpactUseCase,
  impactAssessmentContent,
} from '../usecases/assess-contamination-impact.usecase';
import { CloseEmDeviationUseCase } from '../usecases/close-em-deviation.usecase';
import { IdentifyOrganismUseCase } from '../usecases/identify-organism.usecase';
import { RecordEmResultsUseCase } from '../usecases/record-em-results.usecase';
import { RecordEmSessionUseCase } from '../usecases/record-em-session.usecase';
import { ReleaseHoldsUseCase } from '../usecases/release-holds.usecase';

export const qc: Actor = { userId: 'it.qc', role: 'qc' };
export const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const HOUR = 3_600_000;
/** An instant `hours` from now (negative: in the past). */
export const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** A session of `results` in the room, recorded by QC after it ended. */
export const session = (roomCode: string, results: EmResultEntry[], eventId = randomUUID()) => ({
  roomCode,
  startedAt: at(-4),
  endedAt: at(-1),
  occupancyState: 'in-operation' as const,
  results,
  eventId,
  recordedBy: qc,
});

/** 'allowed', or the refusal as `code: message`. */
export const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: { code?: string; message: string }) => `${e.code}: ${e.message}`,
  );

/**
 * Environmental monitoring on the real production schema as migrated, through the services'
 * database role; `owner` is the schema owner, for the refusals that hold even for it and for
 * writing the production calendar's bookings.
 */
export async function emTestContext() {
  const dataSource = await new DataSource(productionDataSourceOptions()).initialize();
  const owner = await new DataSource({
    ...productionDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions).initialize();
  const ids = new RandomUuidGenerator();
  const repository = new EnvironmentalMonitoringRepository(dataSource);
  const clock = new SystemClock();
  const recorder = new EmResultRecorder(repository, ids, clock);
  const signatures = new SignatureRecorder('production', signatureSealPublicKey());
  const deviations = new EmDeviationRepository(dataSource);

  return {
    dataSource,
    owner,
    repository,
    recordSession: new RecordEmSessionUseCase(
      dataSource,
      new FacilityRepository(),
      repository,
      recorder,
      clock,
      ids,
    ),
    recordResults: new RecordEmResultsUseCase(dataSource, repository, recorder),
    identify: new IdentifyOrganismUseCase(dataSource, repository, ids),
    assess: new AssessContaminationImpactUseCase(dataSource, repository, signatures, ids),
    deviations,
    closeDeviation: new CloseEmDeviationUseCase(dataSource, deviations, signatures),
    holds: new ReleaseHoldsUseCase(repository),

    /** A fresh area and room of `grade`, so bookings and sessions of other tests never meet. */
    async newRoom(grade: CleanroomGrade = 'A-in-B'): Promise<string> {
      const suffix = randomUUID().slice(0, 8).toUpperCase();
      await dataSource.query(
        `INSERT INTO production.production_area (area_code, name, purpose, air_handling_system, pressure_regime, created_by)
         VALUES ($1, 'IT area', 'cell-product', 'AHU-IT', 'positive', 'it')`,
        [`IT-A-${suffix}`],
      );
      await dataSource.query(
        `INSERT INTO production.room (room_code, area_code, name, grade, created_by)
         VALUES ($1, $2, 'IT room', $3, 'it')`,
        [`IT-R-${suffix}`, `IT-A-${suffix}`, grade],
      );
      return `IT-R-${suffix}`;
    },

    /** A fresh donor code (facility Z9999 marks test data). */
    donorCode: () =>
      formatDonorCode(
        generateDonorUniqueCode({ facility: 'Z9999', year: 2026, sequence: randomInt(1, 999_999) }),
      ),

    /**
     * A booking of the production calendar. `production.room_booking` is created by the
     * calendar's migration (another feature), not by environmental monitoring's: this test
     * needs it migrated, and writes the booking as the schema owner with the columns agreed.
     */
    async book(
      roomCode: string,
      donorCode: string,
      from: string,
      to: string,
      status: 'booked' | 'cancelled' | 'completed' = 'booked',
    ): Promise<string> {
      const bookingId = randomUUID();
      await owner.query(
        INSERT_ROOM_BOOKING_SQL,
        roomBookingParams({ bookingId, donorCode, roomCode, startsAt: from, endsAt: to, status }),
      );
      return bookingId;
    },

    async batchInProduction(donorCode: string): Promise<string> {
      const batchNumber = `IT-${randomUUID().slice(0, 8)}`;
      await dataSource.query(
        `INSERT INTO production.batch (batch_number, donor_code, journey_id, product_code, status, label_content, started_at)
         VALUES ($1, $2, $3, 'CART-CD19', 'in-production', '{}', now())`,
        [batchNumber, donorCode, journeyWorkflowId(donorCode)],
      );
      return batchNumber;
    },

    /** QA's signature as the gateway seals it (CSV-02) for this assessment. */
    signature(
      excursionId: string,
      donorCode: string,
      conclusion: ImpactConclusion,
      rationale: string,
      signer: Actor = qa,
    ) {
      return sealSignature(
        signatureOf(
          impactAssessmentContent({ excursionId, donorCode, conclusion, rationale }),
          signer,
        ),
        signatureSealPrivateKey(),
      );
    },

    /** QA's signature of a deviation closure as the gateway seals it (CSV-02). */
    closureSignature(
      deviationId: string,
      donorCode: string,
      closure: { investigation: string; rootCause: string; correctiveAction: string },
      signer: Actor = qa,
    ) {
      const content = {
        meaning: 'closed',
        recordType: 'deviation-closure',
        recordId: deviationId,
        donorCode,
        detail: { donorCode, ...closure },
      };
      return sealSignature(signatureOf(content, signer), signatureSealPrivateKey());
    },

    count: async (sql: string, params: unknown[]) =>
      ((await dataSource.query(sql, params)) as Array<{ n: number }>)[0].n,

    async destroy() {
      await dataSource.destroy();
      await owner.destroy();
    },
  };
}
export type EmTestContext = Awaited<ReturnType<typeof emTestContext>>;
