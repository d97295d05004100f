import { demoUserPassword } from './demo-credentials';
import type { JourneyStep, Role, StepRequestBody, TemperatureReadings } from '@v2v/contracts';

export interface ScriptedStep<S extends JourneyStep = JourneyStep> {
  step: S;
  role: Role;
  payload: StepRequestBody<S>;
  /**
   * Data-logger readings uploaded (and stored) before the step, e.g. the transport record before
   * receipt.
   */
  telemetry?: TemperatureReadings;
  /** After the step (production's start), the batch record is taken through to qc. */
  batchRecord?: boolean;
  /** Before the step (the release), QA reviews the batch record and QC takes retention samples. */
  prepareRelease?: boolean;
  /**
   * Before the step (the infusion), its user acknowledges the instructions for use that
   * travelled with the shipment (OTH-01).
   */
  acknowledgeInstructions?: boolean;
}

/** A logger's readings every `everyMinutes` from `from` to `to` at `temperatureC`. */
export function loggerReadings(input: {
  donorCode: string;
  leg: TemperatureReadings['leg'];
  from: string;
  to: string;
  everyMinutes: number;
  temperatureC: number;
  loggerId?: string;
}): TemperatureReadings {
  const readings: TemperatureReadings['readings'] = [];
  for (
    let t = Date.parse(input.from);
    t <= Date.parse(input.to);
    t += input.everyMinutes * 60_000
  ) {
    readings.push({ measuredAt: new Date(t).toISOString(), temperatureC: input.temperatureC });
  }
  return {
    loggerId: input.loggerId ?? 'LOGGER-0001',
    donorCode: input.donorCode,
    leg: input.leg,
    readings,
  };
}

/** Negative for the four mandatory markers, sampled a week before `at`. */
export function negativeScreening(at: Date): StepRequestBody<'recordDonorScreening'> {
  return {
    sampledAt: new Date(at.getTime() - 7 * 86_400_000).toISOString(),
    results: (['HIV', 'HBV', 'HCV', 'syphilis'] as const).map((marker) => ({
      marker,
      result: 'negative' as const,
      method: 'CLIA, blood-screening reagent',
    })),
    eligibilityConfirmed: true,
  };
}

/**
 * A result within specification for every test of CART-CD19 v1 needed before release
 * (QA-02.1); sterility, which may follow the release, is not among them.
 */
export function qcResultsWithinSpecification(
  testedAt: Date,
): StepRequestBody<'recordQcResult'>['results'] {
  const common = {
    instrumentId: 'QC-INSTR-01',
    sampleId: 'QCS-FP-01',
    testedAt: testedAt.toISOString(),
  };
  return [
    { testCode: 'endotoxin', value: 0.12, unit: 'EU/mL', method: 'kinetic chromogenic LAL' },
    { testCode: 'mycoplasma', value: 'not detected', method: 'validated qPCR' },
    { testCode: 'identity', value: 'CD3+ CAR+ confirmed', method: 'flow cytometry' },
    { testCode: 'car-expression', value: 42, unit: '%', method: 'flow cytometry' },
    { testCode: 'viability', value: 91, unit: '%', method: '7-AAD flow cytometry' },
    { testCode: 'total-viable-cells', value: 2.4, unit: 'x10^8', method: 'AO/PI cell count' },
    { testCode: 'rcl', value: 'not detected', method: 'VSV-G qPCR' },
  ].map((r) => ({ ...r, ...common }));
}

/**
 * The steps of one patient's journey from collection to infusion, with the payloads a
 * real user would send. Times are relative to `start` so each run is self-consistent.
 */
export function happyPathSteps(input: {
  donorCode: string;
  patientReference: string;
  start?: Date;
  /** The qualified person's password, re-entered at each signed release decision (CSV-02). */
  signerPassword?: string;
  /** false: the journey stays in production after its start (no batch record is taken). */
  batchRecord?: boolean;
}): ScriptedStep[] {
  const signature = {
    password: input.signerPassword ?? demoUserPassword(),
  };
  const start = input.start ?? new Date();
  const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000).toISOString();
  const s = <S extends JourneyStep>(
    step: S,
    role: Role,
    payload: StepRequestBody<S>,
    telemetry?: TemperatureReadings,
  ): ScriptedStep => ({ step, role, payload, ...(telemetry ? { telemetry } : {}) }) as ScriptedStep;
  return [
    s('recordDonorScreening', 'hospital', negativeScreening(start)),
    ...materialCycleSteps({ ...input, start, signature }),
    // The batch record's last step completes production (runBatchRecord): no manual step.
    {
      ...s('startProduction', 'operator', { labelScan: input.donorCode }),
      batchRecord: input.batchRecord !== false,
    },
    // QC's raw results, in the past whatever `start` is: a test is never reported ahead of time.
    s('recordQcResult', 'qc', {
      results: qcResultsWithinSpecification(new Date(Math.min(Date.now(), start.getTime()))),
    }),
    {
      ...s('releaseBatch', 'qa-qp', { comment: 'batch record reviewed', signature }),
      prepareRelease: true,
    },
    s('shipToSite', 'operator', {
      shippedAt: at(300),
      courier: 'ColdChain Express',
      shipperId: 'LN2-DRYSHIPPER-07',
      loggerId: 'DRYSHIPPER-LOGGER-7',
    }),
    s('receiveAtSite', 'hospital', { receivedAt: at(320), labelScan: input.donorCode }),
    {
      ...s('recordInfusion', 'hospital', {
        infusedAt: at(340),
        bedsideScan: input.donorCode,
        patientReference: input.patientReference,
      }),
      acknowledgeInstructions: true,
    },
  ];
}

/**
 * One collection cycle, from booking to QA release: a first collection or a recollection
 * after a rejection. `receipt` overrides what the operator reports at receipt.
 */
export function materialCycleSteps(input: {
  donorCode: string;
  start: Date;
  signature: { password: string };
  receipt?: Partial<StepRequestBody<'recordMaterialReceipt'>>;
  release?: boolean;
}): ScriptedStep[] {
  const at = (hours: number) => new Date(input.start.getTime() + hours * 3_600_000).toISOString();
  const s = <S extends JourneyStep>(
    step: S,
    role: Role,
    payload: StepRequestBody<S>,
    telemetry?: TemperatureReadings,
  ): ScriptedStep => ({ step, role, payload, ...(telemetry ? { telemetry } : {}) }) as ScriptedStep;
  const steps = [
    s('scheduleCollection', 'scheduler', {
      collectionDate: at(24).slice(0, 10),
      manufacturingSlot: at(72).slice(0, 10),
    }),
    s('recordCollection', 'hospital', {
      collectedAt: at(24),
      volumeMl: 180,
      bagLot: 'BAG-2026-0042',
      collectionOperator: 'Nurse Li Na',
    }),
    s('recordPostCollectionStorage', 'hospital', {
      storedFrom: at(24),
      storedUntil: at(25),
      minTemperatureC: 4,
      maxTemperatureC: 6,
      location: 'Apheresis unit refrigerator R2',
    }),
    s('handOverToCourier', 'hospital', {
      handedOverAt: at(25),
      courier: 'ColdChain Express',
      shipperId: 'SHIPPER-2-8C-01',
      packageId: `PKG-${input.donorCode.slice(-8)}`,
      // GEN-01: the logger packed with the material (loggerReadings' default).
      loggerId: 'LOGGER-0001',
    }),
    s(
      'recordMaterialReceipt',
      'operator',
      {
        receivedAt: at(40),
        labelScan: `=${input.donorCode}`,
        packagingIntact: true,
        label: { collectedAt: at(24), volumeMl: 180 },
        storageUnitId: 'COLD-01',
        ...input.receipt,
      },
      loggerReadings({
        donorCode: input.donorCode,
        leg: 'transport-to-factory',
        from: at(25),
        to: at(40),
        everyMinutes: 20,
        temperatureC: 5.2,
      }),
    ),
  ];
  if (input.release !== false) {
    steps.push(
      s('releaseMaterial', 'qa-qp', {
        comment: 'eligibility, label, storage and transport record reviewed',
        signature: input.signature,
      }),
    );
  }
  return steps;
}

/** The scripted steps before `step` (to bring a journey to the point where `step` is next). */
export function stepsBefore(steps: ScriptedStep[], step: JourneyStep): ScriptedStep[] {
  const index = steps.findIndex((s) => s.step === step);
  if (index < 0) throw new Error(`the script has no ${step} step`);
  return steps.slice(0, index);
}

export function scriptedStep(steps: ScriptedStep[], step: JourneyStep): ScriptedStep {
  const found = steps.find((s) => s.step === step);
  if (!found) throw new Error(`the script has no ${step} step`);
  return found;
}

/**
 * A journey whose first unit arrives with damaged packaging: receipt inspection quarantines it
 * (DON-04.3), QA rejects it with a destroy disposition (MAT-04), a recollection is booked and
 * its unit goes through to infusion.
 */
export function rejectionAndRecollectionSteps(input: {
  donorCode: string;
  patientReference: string;
  start?: Date;
  signerPassword?: string;
}): ScriptedStep[] {
  const signature = {
    password: input.signerPassword ?? demoUserPassword(),
  };
  const start = input.start ?? new Date();
  const later = new Date(start.getTime() + 48 * 3_600_000);
  const happy = happyPathSteps({ ...input, start: later });
  const reject: ScriptedStep = {
    step: 'rejectMaterial',
    role: 'qa-qp',
    payload: {
      reason: 'packaging damaged at receipt (DON-04.3); unit cannot be used',
      disposition: 'destroy',
      signature,
    },
  } as ScriptedStep;
  return [
    scriptedStep(happy, 'recordDonorScreening'),
    ...materialCycleSteps({
      donorCode: input.donorCode,
      start,
      signature,
      receipt: { packagingIntact: false },
      release: false,
    }),
    reject,
    ...happy.slice(1),
  ];
}

/**
 * A journey whose first batch fails in production: a portion of the donor material is set
 * aside at the start, QA rejects the batch with a destroy disposition (MAT-04) and approves its
 * re-manufacture from that portion, and the second batch goes through to infusion.
 */
export function failedBatchAndRemanufactureSteps(input: {
  donorCode: string;
  patientReference: string;
  start?: Date;
  signerPassword?: string;
}): ScriptedStep[] {
  const signature = { password: input.signerPassword ?? demoUserPassword() };
  const happy = happyPathSteps(input);
  const start = scriptedStep(happy, 'startProduction');
  const failedStart = {
    ...start,
    payload: {
      labelScan: input.donorCode,
      retainedPortion: {
        volumeMl: 20,
        container: 'cryobag 50 ml',
        storageLocation: 'LN2 tank 2, rack 4',
      },
    },
    batchRecord: false,
  } as ScriptedStep;
  const decisions = [
    {
      step: 'rejectFailedBatch',
      role: 'qa-qp',
      payload: {
        reason: 'culture contaminated on day 5 (sterility in-process test positive)',
        disposition: 'destroy',
        signature,
      },
    },
    {
      step: 'remanufactureBatch',
      role: 'qa-qp',
      payload: { reason: 'retained portion of the donor material available', signature },
    },
  ] as ScriptedStep[];
  return [
    ...stepsBefore(happy, 'startProduction'),
    failedStart,
    ...decisions,
    start,
    ...happy.slice(happy.indexOf(start) + 1),
  ];
}
