import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CustodyLegBinding,
  DomainError,
  EventEnvelope,
  formatDonorCode,
  generateDonorUniqueCode,
  journeyWorkflowId,
  TEMPERATURE_READINGS_MESSAGE_TYPE,
} from '@v2v/contracts';
import { donorIntakeDataSourceOptions } from '../donor-intake.data-source';
import { RecordingTemporal } from './__tests__/recording-temporal';
import { TemperatureReadingRepository } from './temperature-reading.repository';
import { TemperatureReadingsController } from './temperature-readings.controller';
import { BindCustodyLegLoggerUseCase } from './usecases/bind-custody-leg-logger.usecase';
import { RecordTemperatureReadingsUseCase } from './usecases/record-temperature-readings.usecase';

// Real PostgreSQL, the donor-intake schema as migrated, the service's own connection.
let dataSource: DataSource;
let temporal: RecordingTemporal;
let readings: TemperatureReadingRepository;
let record: RecordTemperatureReadingsUseCase;
let bind: BindCustodyLegLoggerUseCase;
beforeAll(async () => {
  dataSource = await new DataSource(donorIntakeDataSourceOptions()).initialize();
  temporal = new RecordingTemporal();
  readings = new TemperatureReadingRepository(dataSource);
  record = new RecordTemperatureReadingsUseCase(readings, temporal);
  bind = new BindCustodyLegLoggerUseCase(dataSource, readings);
});
afterAll(() => dataSource?.destroy());

const HOUR_MS = 3_600_000;
const freshCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({ facility: 'T0001', year: 2026, sequence: randomInt(1, 999_999) }),
  );

function uploadOf(
  code: string,
  loggerId: string,
  values: Array<{ measuredAt: string; temperatureC: number }>,
): EventEnvelope {
  return {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: code,
    messageType: TEMPERATURE_READINGS_MESSAGE_TYPE,
    occurredAt: new Date().toISOString(),
    payload: {
      donorCode: code,
      leg: 'transport-to-factory',
      loggerId,
      readings: values,
      uploadedBy: { userId: 'data-logger', role: 'data-logger' },
    },
    metadata: { producer: 'gateway', journeyId: journeyWorkflowId(code) },
  };
}

/** As the inbox consumer applies a message: in one transaction, which a refusal rolls back. */
const apply = (envelope: EventEnvelope) =>
  dataSource.transaction((manager) => record.execute(envelope, manager));

async function openedLeg(loggerId = 'LOGGER-A') {
  const code = freshCode();
  const startedAt = new Date(Date.now() - 2 * HOUR_MS);
  const binding: CustodyLegBinding = {
    legWorkflowId: `${journeyWorkflowId(code)}-transport-to-factory-0`,
    journeyId: journeyWorkflowId(code),
    donorCode: code,
    leg: 'transport-to-factory',
    loggerId,
    startedAt: startedAt.toISOString(),
    temperatureRange: { minTemperatureC: 2, maxTemperatureC: 8 },
  };
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000).toISOString();
  return { code, binding, at };
}

const signalsTo = (workflowId: string) => temporal.to(workflowId);

describe('logger uploads on a bound custody leg (GEN-01, real PostgreSQL)', () => {
  it('GEN-01 binds the leg once and hands it what was stored before, excursion included', async () => {
    const { code, binding, at } = await openedLeg();
    // Uploaded between the hand-over and the binding: stored, no leg to tell yet.
    await apply(uploadOf(code, 'LOGGER-A', [{ measuredAt: at(10), temperatureC: 9.5 }]));
    expect(signalsTo(binding.legWorkflowId)).toEqual([]);

    const summary = await bind.execute(binding);
    // One reading out of range counts no time yet: it lasts until the logger's next (QA-04).
    const excursion = { loggerId: 'LOGGER-A', measuredAt: at(10), temperatureC: 9.5 };
    expect(summary).toEqual({
      count: 1,
      lastMeasuredAt: at(10),
      firstExcursion: excursion,
      minutesOutOfRange: 0,
      worstExcursion: excursion,
      storedReadings: 1,
    });
    await bind.execute(binding);
    const bindings = await dataSource.query(
      `SELECT "logger_id" FROM "donor_intake"."custody_leg_logger" WHERE "donor_code" = $1`,
      [code],
    );
    expect(bindings).toEqual([{ logger_id: 'LOGGER-A' }]);
    const audit = await dataSource.query(
      `SELECT "record_type" FROM "donor_intake"."audit_entry" WHERE "record_id" = $1`,
      [binding.legWorkflowId],
    );
    expect(audit).toEqual([{ record_type: 'custody-leg-logger' }]);
  });

  it('GEN-01 a recollection leg does not inherit the readings of the leg before it', async () => {
    const { code, binding, at } = await openedLeg();
    await bind.execute(binding);
    await apply(uploadOf(code, 'LOGGER-A', [{ measuredAt: at(15), temperatureC: 12 }]));
    const next = {
      ...binding,
      legWorkflowId: binding.legWorkflowId.replace(/-0$/, '-1'),
      startedAt: at(60),
    };
    expect(await bind.execute(next)).toBeUndefined();
    expect((await readings.currentBinding(code, 'transport-to-factory'))?.legWorkflowId).toBe(
      next.legWorkflowId,
    );
  });

  it('GEN-01 refuses an upload from another logger, at the gateway check and at the consumer', async () => {
    const { code, binding, at } = await openedLeg();
    await bind.execute(binding);
    const controller = new TemperatureReadingsController(readings);
    const refusal = await controller
      .admission(code, { leg: 'transport-to-factory', loggerId: 'LOGGER-B', uploadedBy: 'dl-2' })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'GEN-01' });
    expect((refusal as DomainError).message).toContain('sent by dl-2');
    await expect(
      controller.admission(code, { leg: 'transport-to-factory', loggerId: 'LOGGER-A' }),
    ).resolves.toBeUndefined();

    const consumed = await apply(
      uploadOf(code, 'LOGGER-B', [{ measuredAt: at(20), temperatureC: 5 }]),
    ).catch((error: unknown) => error);
    expect(consumed).toMatchObject({ code: 'GEN-01' });
    expect((consumed as DomainError).message).toMatch(/LOGGER-B, sent by data-logger,.*LOGGER-A/);
    expect(await readings.list(code)).toEqual([]);
    expect(signalsTo(binding.legWorkflowId)).toEqual([]);
  });

  it('GEN-01 signals the open leg a summary of new readings; a true duplicate is a no-op', async () => {
    const { code, binding, at } = await openedLeg();
    await bind.execute(binding);
    const values = [
      { measuredAt: at(30), temperatureC: 5 },
      { measuredAt: at(40), temperatureC: 6 },
    ];
    await apply(uploadOf(code, 'LOGGER-A', values));
    expect(signalsTo(binding.legWorkflowId)).toEqual([
      {
        workflowId: binding.legWorkflowId,
        signal: 'legTelemetry',
        args: [{ count: 2, lastMeasuredAt: at(40), minutesOutOfRange: 0, storedReadings: 2 }],
      },
    ]);
    await apply(uploadOf(code, 'LOGGER-A', values));
    expect(signalsTo(binding.legWorkflowId)).toHaveLength(1);
    expect((await readings.list(code)).map((r) => Number(r.temperatureC))).toEqual([5, 6]);
    expect(await readings.conflicts(code)).toEqual([]);
  });

  it('GEN-01 flags a reading that contradicts a stored one, once, and tells the leg', async () => {
    const { code, binding, at } = await openedLeg();
    await bind.execute(binding);
    await apply(uploadOf(code, 'LOGGER-A', [{ measuredAt: at(50), temperatureC: 5 }]));
    const contradicting = [{ measuredAt: at(50), temperatureC: 8.6 }];
    await apply(uploadOf(code, 'LOGGER-A', contradicting));
    await apply(uploadOf(code, 'LOGGER-A', contradicting));

    // The stored reading stays; the contradicting one is kept beside it, flagged.
    expect((await readings.list(code)).map((r) => Number(r.temperatureC))).toEqual([5]);
    const conflicts = await readings.conflicts(code);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      leg: 'transport-to-factory',
      loggerId: 'LOGGER-A',
      temperatureC: '8.60',
      storedTemperatureC: '5.00',
      uploadedBy: 'data-logger',
    });
    expect(conflicts[0].measuredAt.toISOString()).toBe(at(50));
    // The flagged value is out of range: the leg hears of it as an excursion, once.
    const signals = signalsTo(binding.legWorkflowId);
    expect(signals).toHaveLength(2);
    expect(signals[1].args).toEqual([
      {
        count: 1,
        lastMeasuredAt: at(50),
        firstExcursion: { loggerId: 'LOGGER-A', measuredAt: at(50), temperatureC: 8.6 },
        minutesOutOfRange: 0,
        worstExcursion: { loggerId: 'LOGGER-A', measuredAt: at(50), temperatureC: 8.6 },
        // The stored reading and the contradicting one beside it.
        storedReadings: 2,
      },
    ]);
    const controller = new TemperatureReadingsController(readings);
    expect((await controller.list(code)).conflicts).toEqual([
      expect.objectContaining({ temperatureC: 8.6, storedTemperatureC: 5, measuredAt: at(50) }),
    ]);
  });

  it('GEN-01 bindings and flagged conflicts are append-only for the service role', async () => {
    await expect(
      dataSource.query(`UPDATE "donor_intake"."custody_leg_logger" SET "logger_id" = 'X'`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      dataSource.query(`DELETE FROM "donor_intake"."temperature_reading_conflict"`),
    ).rejects.toThrow(/permission denied/);
  });
});
