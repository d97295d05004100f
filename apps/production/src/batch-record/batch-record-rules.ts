import { DomainError } from '@v2v/contracts';

/*
 * The electronic batch record's rules (§9(7)–(11), PRD-06..08, PER-02), each a pure function of
 * the step's definition, what the operator recorded and what is on record. A refusal throws with
 * the rule ID; what the rule lets through but must be investigated (a parameter out of range,
 * a transfer outside its limits, a container found damaged) comes back as deviations to record.
 */

/** What the batch record needs of a process step (the process definition's step). */
export interface BatchStepDefinition {
  stepId: string;
  parameters: Array<{ parameterId: string; name: string; unit: string; min: number; max: number }>;
  containers: { beforeUse: string[]; afterFilling: string[] };
  consumables: Array<{ materialCode: string; singleUse: boolean }>;
  transferOut: { maxMinutes: number; minTemperatureC: number; maxTemperatureC: number } | null;
  producesPositiveWaste: boolean;
}

export interface ContainerInspection {
  container: string;
  phase: 'before-use' | 'after-filling';
  intact: boolean;
  note?: string;
}

export interface ConsumableUse {
  materialCode: string;
  lotId: string;
}

export interface InProcessTransfer {
  departedAt: string;
  arrivedAt: string;
  minObservedTemperatureC: number;
  maxObservedTemperatureC: number;
}

/** Something the step did that the rules let through and QA must investigate. */
export interface BatchDeviation {
  rule: 'PRD-01' | 'PRD-07' | 'PRD-08' | 'GEN-01';
  message: string;
}

/** PRD-06: a system-generated label's confirmation scan must read back exactly that label. */
export function requireLabelConfirmed(
  label: { labelId: string; content: string },
  scan: string,
): void {
  if (scan.trim() !== label.content)
    throw new DomainError(
      'PRD-06',
      `label ${label.labelId} was confirmed with a scan of ${scan}: print and scan the batch's own label (PRD-06)`,
      { labelId: label.labelId, scan },
    );
}

/**
 * PRD-06: every label the system generated for a step is confirmed before the step ends; a
 * missing confirmation, or one that reads another label, stops the step.
 */
export function requireLabelsConfirmed(
  labels: ReadonlyArray<{ labelId: string; content: string; container: string }>,
  confirmations: ReadonlyArray<{ labelId: string; scan: string }>,
): void {
  for (const label of labels) {
    const confirmation = confirmations.find((c) => c.labelId === label.labelId);
    if (!confirmation)
      throw new DomainError(
        'PRD-06',
        `label ${label.labelId} (${label.container}) has no confirmation scan: print it, apply it and scan it (PRD-06)`,
        { labelId: label.labelId },
      );
    requireLabelConfirmed(label, confirmation.scan);
  }
}

/**
 * PRD-01: a batch is one run under one set of conditions, so every parameter of the step is
 * recorded once; a value outside its range does not stop the step, it is a deviation.
 */
export function judgeParameters(
  step: BatchStepDefinition,
  values: Array<{ parameterId: string; value: number }>,
): BatchDeviation[] {
  const given = new Map(values.map((v) => [v.parameterId, v.value]));
  const unknown = values.filter(
    (v) => !step.parameters.some((p) => p.parameterId === v.parameterId),
  );
  const missing = step.parameters.filter((p) => !given.has(p.parameterId));
  if (unknown.length || missing.length || given.size !== values.length)
    throw new DomainError(
      'PRD-01',
      `step ${step.stepId} records each of its parameters once (missing: ${missing.map((p) => p.parameterId).join(', ') || 'none'}; not in the definition: ${unknown.map((v) => v.parameterId).join(', ') || 'none'}) (PRD-01)`,
      { stepId: step.stepId },
    );
  return step.parameters
    .filter((p) => given.get(p.parameterId)! < p.min || given.get(p.parameterId)! > p.max)
    .map((p) => ({
      rule: 'PRD-01' as const,
      message: `${p.name} ${given.get(p.parameterId)} ${p.unit} outside ${p.min}–${p.max} ${p.unit} in step ${step.stepId}`,
    }));
}

/**
 * PRD-07: every container the step names is inspected before use and right after filling; a
 * missing inspection refuses the step, a container found damaged or soiled is a deviation.
 */
export function judgeContainerInspections(
  step: BatchStepDefinition,
  inspections: ContainerInspection[],
): BatchDeviation[] {
  const expected = [
    ...step.containers.beforeUse.map((container) => ({ container, phase: 'before-use' as const })),
    ...step.containers.afterFilling.map((container) => ({
      container,
      phase: 'after-filling' as const,
    })),
  ];
  const missing = expected.filter(
    (e) => !inspections.some((i) => i.container === e.container && i.phase === e.phase),
  );
  if (missing.length)
    throw new DomainError(
      'PRD-07',
      `step ${step.stepId} has no visual inspection of ${missing.map((m) => `${m.container} (${m.phase})`).join(', ')} (PRD-07)`,
      { stepId: step.stepId, missing },
    );
  return inspections
    .filter((i) => !i.intact)
    .map((i) => ({
      rule: 'PRD-07' as const,
      message: `${i.container} found damaged or contaminated ${i.phase} in step ${step.stepId}${i.note ? `: ${i.note}` : ''}`,
    }));
}

/**
 * PRD-08 (§9(9)): every consumable the step names is recorded by its lot. Whether the lot may be
 * consumed (released, unexpired) is MAT-01's, checked where the consumption is recorded.
 */
export function requireConsumablesByLot(step: BatchStepDefinition, used: ConsumableUse[]): void {
  const missing = step.consumables.filter(
    (c) => !used.some((u) => u.materialCode === c.materialCode && u.lotId.trim()),
  );
  if (missing.length)
    throw new DomainError(
      'PRD-08',
      `step ${step.stepId} does not record the lot of ${missing.map((m) => m.materialCode).join(', ')} (PRD-08)`,
      { stepId: step.stepId, missing: missing.map((m) => m.materialCode) },
    );
}

/**
 * PRD-08 (§9(10)), GEN-01: an in-process transfer the step defines is recorded, and one that
 * took longer or left the temperature range is a deviation.
 */
export function judgeTransfer(
  step: BatchStepDefinition,
  transfer: InProcessTransfer | undefined,
): BatchDeviation[] {
  const limit = step.transferOut;
  if (!limit) return [];
  if (!transfer)
    throw new DomainError(
      'PRD-08',
      `step ${step.stepId} ends with an in-process transfer: record its times and temperatures (PRD-08)`,
      { stepId: step.stepId },
    );
  const minutes =
    (new Date(transfer.arrivedAt).getTime() - new Date(transfer.departedAt).getTime()) / 60_000;
  if (!(minutes >= 0))
    throw new DomainError(
      'PRD-08',
      `the transfer out of step ${step.stepId} arrives before it departs (PRD-08)`,
      { stepId: step.stepId },
    );
  const deviations: BatchDeviation[] = [];
  if (minutes > limit.maxMinutes)
    deviations.push({
      rule: 'GEN-01',
      message: `transfer out of ${step.stepId} took ${Math.round(minutes)} min, limit ${limit.maxMinutes} min`,
    });
  if (
    transfer.minObservedTemperatureC < limit.minTemperatureC ||
    transfer.maxObservedTemperatureC > limit.maxTemperatureC
  )
    deviations.push({
      rule: 'GEN-01',
      message: `transfer out of ${step.stepId} at ${transfer.minObservedTemperatureC}–${transfer.maxObservedTemperatureC} °C, range ${limit.minTemperatureC}–${limit.maxTemperatureC} °C`,
    });
  return deviations;
}

/**
 * PRD-08 (§9(11)): waste of material with a positive marker is inactivated in place, and the
 * inactivation recorded, before the step that produced it can end.
 */
export function requireWasteInactivated(
  step: BatchStepDefinition,
  positiveMaterial: boolean,
  inactivation: { method: string; completedAt: string } | undefined,
): void {
  if (step.producesPositiveWaste && positiveMaterial && !inactivation)
    throw new DomainError(
      'PRD-08',
      `step ${step.stepId} produced waste of positive material: record its inactivation in place before removal (PRD-08)`,
      { stepId: step.stepId },
    );
}

/** Where a person last worked with a hazard, from the batch record and the register. */
export interface HazardousWork {
  areaCode: string;
  reason: 'vector-area' | 'positive-material';
  startedAt: string;
  /** Null while the step is started and not completed: the person is still in that area. */
  endedAt: string | null;
}

/**
 * PER-02 (§5(3)): after work in a vector area or with positive material, a person starts a step
 * in another production area only with a decontamination recorded since then. A step started
 * there and not completed keeps the person in that area: no decontamination lets them start
 * elsewhere until it is completed.
 */
export function requireDecontaminated(input: {
  userId: string;
  areaCode: string;
  lastHazardousWork: HazardousWork | undefined;
  lastDecontaminationAt: string | undefined;
}): void {
  const work = input.lastHazardousWork;
  if (!work || work.areaCode === input.areaCode) return;
  const where = work.reason === 'vector-area' ? 'in vector area' : 'with positive material in area';
  if (work.endedAt === null)
    throw new DomainError(
      'PER-02',
      `${input.userId} is still at work ${where} ${work.areaCode} (a step started at ${work.startedAt} is not completed); complete it and record a decontamination before work in area ${input.areaCode} (PER-02)`,
      { userId: input.userId, fromArea: work.areaCode, toArea: input.areaCode },
    );
  const decontaminated =
    input.lastDecontaminationAt !== undefined &&
    new Date(input.lastDecontaminationAt).getTime() >= new Date(work.endedAt).getTime();
  if (!decontaminated)
    throw new DomainError(
      'PER-02',
      `${input.userId} worked ${where} ${work.areaCode} until ${work.endedAt}; record a decontamination before work in area ${input.areaCode} (PER-02)`,
      { userId: input.userId, fromArea: work.areaCode, toArea: input.areaCode },
    );
}
