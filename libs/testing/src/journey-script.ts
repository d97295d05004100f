import { bedsideInfusion } from './bedside-check';
import { demoUserPassword } from './demo-credentials';
import { INTACT_SITE_RECEIPT } from './site-receipt';
import type { JourneyStep, Role, StepRequestBody, TemperatureReadings } from '@v2v/contracts';
import type { DonorMaterialTestsScript } from './donor-material-script';

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
  /** After the step (the receipt), QC records the donor material's test results (QA-02.5). */
  donorMaterialTests?: DonorMaterialTestsScript;
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

/** How long before now a scripted journey starts: its unit arrives at the factory now. */
const HOURS_BEFORE_RECEIPT = 40;

/**
 * A step that follows steps the journey records as they happen (the batch's completion, the
 * release): its times are those of the moment its payload is read to be sent, so they follow
 * those records and never lie ahead of the step's receipt (GEN-01).
 */
function sentNow<S extends JourneyStep>(
  step: S,
  role: Role,
  payload: (now: string) => StepRequestBody<S>,
): ScriptedStep {
  return {
    step,
    role,
    get payload() {
      return payload(new Date().toISOString());
    },
  } as ScriptedStep;
}

/**
 * The steps of one patient's journey from collection to infusion, with the payloads a
 * real user would send. The material cycle's times are relative to `start`, by default 40 h
 * ago, so that its unit is received at the factory now: every time lies in the past when it is
 * sent (GEN-01), and the transport leg's 48 h limit, counted from the hand-over 15 h ago, is
 * not reached. QC, the shipment, the site's receipt and the infusion take the time they are
 * sent, after the production and release recorded in between.
 */
export function happyPathSteps(input: {
  donorCode: string;
  patientReference: string;
  start?: Date;
  /** The qualified person's password, re-entered at each signed release decision (CSV-02). */
  signerPassword?: string;
  /** false: the journey stays in production after its start (no batch record is taken). */
  batchRecord?: boolean;
  /** The donor material is released with its sterility still running (QA-02.5). */
  sterilityPendingAtMaterialRelease?: boolean;
}): ScriptedStep[] {
  const signature = {
    password: input.signerPassword ?? demoUserPassword(),
  };
  const start = input.start ?? new Date(Date.now() - HOURS_BEFORE_RECEIPT * 3_600_000);
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
    // QC's raw results, tested once the batch is made: never reported ahead of time.
    sentNow('recordQcResult', 'qc', (now) => ({
      results: qcResultsWithinSpecification(new Date(now)),
    })),
    {
      ...s('releaseBatch', 'qa-qp', { comment: 'batch record reviewed', signature }),
      prepareRelease: true,
    },
    sentNow('shipToSite', 'operator', (now) => ({
      shippedAt: now,
      courier: 'ColdChain Express',
      shipperId: 'LN2-DRYSHIPPER-07',
      loggerId: 'DRYSHIPPER-LOGGER-7',
    })),
    sentNow('receiveAtSite', 'hospital', (now) => ({
      receivedAt: now,
      labelScan: input.donorCode,
      inspection: INTACT_SITE_RECEIPT,
    })),
    sentNow('recordThaw', 'hospital', (now) => siteThaw(now)),
    // Object.assign keeps the payload's getter (sent at the time of sending).
    Object.assign(
      sentNow('recordInfusion', 'hospital', (now) => bedsideInfusion({ ...input, endedAt: now })),
      { acknowledgeInstructions: true },
    ),
  ];
}

/**
 * One collection cycle, from booking to QA release: a first collection or a recollection
 * after a rejection. `receipt` overrides what the operator reports at receipt; QC records the
 * donor material's tests after it (all, or all but the sterility).
 */
export function materialCycleSteps(input: {
  donorCode: string;
  start: Date;
  signature: { password: string };
  receipt?: Partial<StepRequestBody<'recordMaterialReceipt'>>;
  release?: boolean;
  sterilityPendingAtMaterialRelease?: boolean;
}): ScriptedStep[] {
  const at = (hours: number) => new Date(input.start.getTime() + hours * 3_600_000).toISOString();
  const s = <S extends JourneyStep>(
    step: S,
    role: Role,
    payload: StepRequestBody<S>,
    telemetry?: TemperatureReadings,
  ): ScriptedStep => ({ step, role, payload, ...(telemetry ? { telemetry } : {}) }) as ScriptedStep;
  const steps: ScriptedStep[] = [
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
    {
      ...s(
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
      donorMaterialTests: input.sterilityPendingAtMaterialRelease ? 'sterility-pending' : 'all',
    },
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

/** How long after the first collection cycle's start the recollection's cycle starts. */
const RECOLLECTION_AFTER_HOURS = 17;

/**
 * A journey whose first unit arrives with damaged packaging: receipt inspection quarantines it
 * (DON-04.3), QA rejects it with a destroy disposition (MAT-04), a recollection is booked and
 * its unit goes through to infusion. The recollection is collected an hour after the first
 * unit's receipt and received now; the first unit's transport leg, handed over 32 h ago, stays
 * within its 48 h limit (GEN-01).
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
  const start =
    input.start ??
    new Date(Date.now() - (HOURS_BEFORE_RECEIPT + RECOLLECTION_AFTER_HOURS) * 3_600_000);
  const later = new Date(start.getTime() + RECOLLECTION_AFTER_HOURS * 3_600_000);
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

/**
 * The thaw by the reference instructions for use (OTH-01): 3 of its 5 minutes, completed 21 min
 * before `now`, so that the infusion `bedsideInfusion` dates 20 min before its end starts after
 * it, and a walk that sends the infusion within 9 min keeps to the 30 min from the thaw.
 */
export function siteThaw(now: string): StepRequestBody<'recordThaw'> {
  const at = (minutesBefore: number) =>
    new Date(Date.parse(now) - minutesBefore * 60_000).toISOString();
  return {
    thawStartedAt: at(24),
    thawCompletedAt: at(21),
    bathTemperatureC: 37,
    methodNote: 'water bath at 37 °C, bag in a sterile overwrap',
  };
}
