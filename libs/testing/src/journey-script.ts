import type { JourneyStep, Role, StepRequestBody } from '@v2v/contracts';

export interface ScriptedStep<S extends JourneyStep = JourneyStep> {
  step: S;
  role: Role;
  payload: StepRequestBody<S>;
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
}): ScriptedStep[] {
  const signature = { password: input.signerPassword ?? process.env.SEED_USER_PASSWORD ?? 'change-me-now' };
  const start = input.start ?? new Date();
  const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000).toISOString();
  const day = (hours: number) => at(hours).slice(0, 10);
  const s = <S extends JourneyStep>(step: S, role: Role, payload: StepRequestBody<S>): ScriptedStep =>
    ({ step, role, payload }) as ScriptedStep;
  return [
    s('scheduleCollection', 'scheduler', { collectionDate: day(24), manufacturingSlot: day(72) }),
    s('recordCollection', 'hospital', { collectedAt: at(24), volumeMl: 180, bagLot: 'BAG-2026-0042' }),
    s('handOverToCourier', 'hospital', { handedOverAt: at(25), courier: 'ColdChain Express', shipperId: 'SHIPPER-2-8C-01' }),
    s('recordMaterialReceipt', 'operator', { receivedAt: at(40), labelScan: `=${input.donorCode}`, packagingIntact: true, temperatureWithinRange: true }),
    s('releaseMaterial', 'qa-qp', { comment: 'eligibility, label and transport record reviewed', signature }),
    s('startProduction', 'operator', { labelScan: input.donorCode }),
    s('completeProduction', 'operator', { totalCellCount: 250_000_000 }),
    s('recordQcResult', 'qc', {
      results: [
        { test: 'sterility', value: 'no growth', withinSpecification: true },
        { test: 'CAR expression', value: '42%', withinSpecification: true },
        { test: 'viability', value: '91%', withinSpecification: true },
      ],
    }),
    s('releaseBatch', 'qa-qp', { comment: 'batch record reviewed', signature }),
    s('shipToSite', 'operator', { shippedAt: at(300), courier: 'ColdChain Express', shipperId: 'LN2-DRYSHIPPER-07' }),
    s('receiveAtSite', 'hospital', { receivedAt: at(320), labelScan: input.donorCode }),
    s('recordInfusion', 'hospital', { infusedAt: at(340), bedsideScan: input.donorCode, patientReference: input.patientReference }),
  ];
}
