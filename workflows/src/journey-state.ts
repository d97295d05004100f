import type {
  CustodyLeg,
  DeviationNotice,
  FollowUpOutcomeKind,
  InstitutionStandingNotice,
  JourneyInput,
  JourneyManufacturingSlot,
  JourneyStage,
  JourneyStep,
  JourneyView,
  ManufacturingSlot,
  PendingDeadline,
  ProductSpecification,
  RecallNotice,
  ReleaseGatesSummary,
  ReleaseGateStanding,
  StepCommand,
  StepOccurrence,
  StepRecord,
  TimelineEntry,
} from '@v2v/contracts';
import {
  evaluateStep,
  followUpCompletionRefusal,
  followUpPeriodEnd,
  institutionHoldRefusal,
  recallHoldRefusal,
  siteThawRefusal,
  stageAfterStep,
} from '@v2v/contracts/workflow';

export type Refusal = { reasonCode: string; message: string };

interface OpenLeg {
  childWorkflowId: string;
  leg: CustodyLeg;
  dueAt: string;
}

/**
 * Everything the journey knows, behind methods the update, query and signal handlers call.
 * Pure and deterministic: no Temporal API in here, so it is unit-tested directly.
 */
export class JourneyState {
  stage: JourneyStage = 'ordered';
  specification?: ProductSpecification;
  recollections = 0;
  /** DON-05: set from the screening record; every later record of the unit carries it. */
  knownPositiveMarkers: string[] = [];
  readonly timeline: TimelineEntry[] = [];
  readonly deviations: DeviationNotice[] = [];
  /** DON-02: the latest notice of the institution's standing (by decision time). */
  institutionNotice?: InstitutionStandingNotice;
  /** PRD-01: the batch production started, from its start record. */
  batchNumber?: string;
  /** The batch record child; while it runs, its last step completes production. */
  batchRecordWorkflowId?: string;
  /** The journey's booked manufacturing slot; its changes are on the timeline. */
  manufacturingSlot?: JourneyManufacturingSlot;
  /** The release child (QA-02), from the batch's completion until it ships. */
  batchReleaseWorkflowId?: string;
  /** The release child's last evaluation of the gates, for the view. */
  releaseGates?: ReleaseGatesSummary;
  /** The gates the recorded release covered (CSV-02): until shipment, or until it is void. */
  coveredRelease?: ReleaseGateStanding;
  /** The end of the follow-up period, from the infusion; journeys infused before have none. */
  followUpEndsAt?: string;
  /** QA-04: the recalls that reached the journey, each once; they refuse RECALLED_STEPS. */
  readonly recalls: RecallNotice[] = [];
  /** Work after a recorded step that nobody waits on (a slot's release); the journey awaits it. */
  private readonly tracked: Promise<void>[] = [];
  private readonly openLegs: OpenLeg[] = [];
  /** OTH-01: the site storage leg was opened (from the receipt) and the thaw that ends it. */
  private readonly site = { siteStorageOpened: false, thawed: false };
  private readonly applied = new Map<string, JourneyView>();
  /** Records applied per step and cycle (`<step>@<cycle>`): a repeated step's next `repeat`. */
  private readonly recordedSteps = new Map<string, number>();
  private inFlight?: { eventId: string; result: Promise<JourneyView> };

  constructor(
    readonly input: JourneyInput,
    orderedAt: string,
  ) {
    this.timeline.push({
      at: orderedAt,
      kind: 'step',
      stage: 'ordered',
      actor: input.orderedBy,
      summary: `ordered ${input.order.productCode} at ${input.order.institutionId}`,
    });
  }

  /**
   * Why a step may not run now, or undefined when it may (or is a repeat). `now` is the
   * workflow's time in the journey.
   */
  refusal(step: JourneyStep, command: StepCommand, now = Date.now()): Refusal | undefined {
    if (this.applied.has(command.eventId) || this.inFlight?.eventId === command.eventId)
      return undefined;
    if (this.inFlight) {
      return {
        reasonCode: 'STEP_IN_PROGRESS',
        message: 'another step of this journey is being applied; try again',
      };
    }
    if (step === 'completeProduction' && this.batchRecordWorkflowId)
      return {
        reasonCode: 'PRD-01',
        message: `production of batch ${this.batchNumber} is completed by the last step of its batch record (${this.batchRecordWorkflowId}), not by hand (PRD-01)`,
      };
    const evaluation = evaluateStep(this.stage, step);
    if (!evaluation.allowed)
      return { reasonCode: evaluation.reasonCode, message: evaluation.message };
    if (step === 'completeFollowUp' && this.followUpEndsAt) {
      const { outcomeKind } = command.payload as { outcomeKind?: FollowUpOutcomeKind };
      const why = followUpCompletionRefusal(
        this.followUpEndsAt,
        now,
        outcomeKind ?? 'period-completed',
      );
      if (why) return { reasonCode: 'STEP_OUT_OF_ORDER', message: why };
    }
    if (step === 'recordThaw' || step === 'recordInfusion') {
      const why = siteThawRefusal(step, this.site);
      if (why) return why;
    }
    return (
      institutionHoldRefusal(step, this.institutionNotice) ?? recallHoldRefusal(step, this.recalls)
    );
  }

  /** The first answer to an event id already applied or being applied. */
  previousResult(eventId: string): Promise<JourneyView> | undefined {
    const done = this.applied.get(eventId);
    if (done) return Promise.resolve(done);
    return this.inFlight?.eventId === eventId ? this.inFlight.result : undefined;
  }

  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  begin(eventId: string, result: Promise<JourneyView>): void {
    this.inFlight = { eventId, result };
  }

  end(eventId: string): void {
    if (this.inFlight?.eventId === eventId) this.inFlight = undefined;
  }

  /**
   * The occurrence a step about to run would record (its identity with the donor code): a
   * collection scheduled after a rejected unit opens the next cycle; within a cycle, only a step
   * that keeps the journey in its stage (post-collection storage) can come again, and each of
   * its records counts one more.
   */
  occurrenceOf(step: JourneyStep): StepOccurrence {
    const cycle = this.recollections + (this.opensCycle(step) ? 1 : 0);
    return { cycle, repeat: this.recordedSteps.get(`${step}@${cycle}`) ?? 0 };
  }

  private opensCycle(step: JourneyStep): boolean {
    return (
      step === 'scheduleCollection' &&
      (this.stage === 'material-rejected' || this.stage === 'batch-rejected')
    );
  }

  apply(step: JourneyStep, command: StepCommand, record: StepRecord, at: string): void {
    const { cycle, repeat } = this.occurrenceOf(step);
    this.recordedSteps.set(`${step}@${cycle}`, repeat + 1);
    if (this.opensCycle(step)) this.recollections += 1;
    this.stage = stageAfterStep(step, this.stage, record.outcome);
    if (record.knownPositiveMarkers) this.knownPositiveMarkers = [...record.knownPositiveMarkers];
    if (record.batchNumber) this.batchNumber = record.batchNumber;
    if (step === 'recordThaw') this.site.thawed = true;
    this.timeline.push({
      at,
      kind: 'step',
      step,
      stage: this.stage,
      actor: command.actor,
      eventId: command.eventId,
      summary: record.summary,
    });
    for (const deviation of record.deviations ?? []) this.recordDeviation(deviation);
  }

  /** Keeps the answer to an applied step, so a repeat of its event id gets the same one. */
  remember(eventId: string, view: JourneyView): void {
    this.applied.set(eventId, view);
  }

  /** Moves the journey without a user step (e.g. infused → follow-up). */
  advance(stage: JourneyStage, at: string, summary: string): void {
    this.stage = stage;
    this.timeline.push({ at, kind: 'system', stage, summary });
  }

  /** Enters follow-up with its period from the infusion; returns the period's end. */
  startFollowUp(infusedAt: string, at: string): string {
    const days = this.specification!.followUpDays;
    this.followUpEndsAt = followUpPeriodEnd(infusedAt, days);
    this.advance(
      'follow-up',
      at,
      `follow-up started: ${days} days from the infusion (product specification v${this.specification!.version}), until ${this.followUpEndsAt}`,
    );
    return this.followUpEndsAt;
  }

  openBatchRecord(workflowId: string, at: string): void {
    this.batchRecordWorkflowId = workflowId;
    this.note(`batch record ${workflowId} started`, at);
  }

  openBatchRelease(workflowId: string, at: string): void {
    this.batchReleaseWorkflowId = workflowId;
    this.note(`release ${workflowId} started: the release gates are evaluated`, at);
  }

  /**
   * CSV-02: the recorded release no longer stands; a released batch goes back to release review
   * (the qualified person may release again once the gates settle). Later, it is only noted.
   */
  voidRelease(reason: string, at: string): void {
    this.coveredRelease = undefined;
    if (this.stage === 'released') this.advance('release-review', at, reason);
    else this.note(reason, at);
  }

  bookSlot(slot: ManufacturingSlot, at: string): void {
    const rebooked = this.manufacturingSlot && this.manufacturingSlot.slotId !== slot.slotId;
    const { slotId, lineCode, startsOn, endsOn, plannedShipmentOn } = slot;
    this.manufacturingSlot = { slotId, lineCode, startsOn, endsOn, plannedShipmentOn };
    const shipment = plannedShipmentOn ? `, shipment planned ${plannedShipmentOn}` : '';
    this.note(
      `manufacturing slot ${rebooked ? 'rebooked' : 'booked'}: line ${lineCode} from ${startsOn} to ${endsOn}${shipment} (${slot.reason})`,
      at,
    );
  }

  releaseSlot(slot: ManufacturingSlot, at: string): void {
    if (this.manufacturingSlot?.slotId === slot.slotId) this.manufacturingSlot = undefined;
    this.note(
      `manufacturing slot on line ${slot.lineCode} from ${slot.startsOn} released: ${slot.releaseReason}`,
      at,
    );
  }

  track(work: Promise<void>): void {
    this.tracked.push(work);
  }

  /** Resolves once all tracked work is done (the journey ends only then). */
  async settled(): Promise<void> {
    await Promise.all(this.tracked);
  }

  /** A system entry on the timeline that does not move the stage. */
  note(summary: string, at: string): void {
    this.timeline.push({ at, kind: 'system', stage: this.stage, summary });
  }

  openLeg(leg: OpenLeg): void {
    this.openLegs.push(leg);
    if (leg.leg === 'site-storage') this.site.siteStorageOpened = true;
  }

  closeLeg(leg: CustodyLeg): OpenLeg | undefined {
    const index = this.openLegs.findIndex((l) => l.leg === leg);
    return index < 0 ? undefined : this.openLegs.splice(index, 1)[0];
  }

  recordDeviation(notice: DeviationNotice): void {
    if (this.deviations.some((d) => d.deviationId === notice.deviationId)) return;
    this.deviations.push(notice);
    this.timeline.push({
      at: notice.detectedAt,
      kind: 'deviation',
      stage: this.stage,
      summary: notice.description,
    });
  }

  /** QA-04: a recall that reached the journey, kept once by its id (a redelivery is harmless). */
  recordRecall(notice: RecallNotice): void {
    if (this.recalls.some((r) => r.recallId === notice.recallId)) return;
    this.recalls.push(notice);
    this.timeline.push({
      at: notice.decidedAt,
      kind: 'recall',
      stage: this.stage,
      actor: notice.decidedBy,
      eventId: notice.recallId,
      summary: `recall ${notice.recallId} (class ${notice.classification}) of ${notice.scope} ${notice.subject} reaches batch ${notice.batchNumbers.join(', ')}: ${notice.reason}; not to be released, shipped, received or infused (QA-04)`,
    });
  }

  /**
   * Notices may arrive twice (a redelivered event) or out of order (two decisions in quick
   * succession); the journey keeps each once and stands by the latest decision.
   */
  recordInstitutionNotice(notice: InstitutionStandingNotice): void {
    if (
      this.timeline.some((t) => t.kind === 'institution-notice' && t.eventId === notice.decisionId)
    )
      return;
    this.timeline.push({
      at: notice.decidedAt,
      kind: 'institution-notice',
      stage: this.stage,
      actor: notice.decidedBy,
      eventId: notice.decisionId,
      summary: `institution ${notice.institutionId} ${notice.fromStatus} → ${notice.status} (${notice.decision}): ${notice.reason} (DON-02)`,
    });
    if (!this.institutionNotice || this.institutionNotice.decidedAt <= notice.decidedAt)
      this.institutionNotice = notice;
  }

  get pendingDeadlines(): PendingDeadline[] {
    return this.openLegs.map((l) => ({
      id: l.childWorkflowId,
      rule: 'GEN-01',
      description: `${l.leg} must end by ${l.dueAt} (product specification v${this.specification?.version})${this.knownPositiveMarkers.length ? `; carries KNOWN POSITIVE material (${this.knownPositiveMarkers.join(', ')}), keep apart (DON-05)` : ''}`,
      dueAt: l.dueAt,
    }));
  }

  view(): JourneyView {
    return {
      donorCode: this.input.donorCode,
      stage: this.stage,
      institutionId: this.input.order.institutionId,
      productCode: this.input.order.productCode,
      productSpecificationVersion: this.specification?.version ?? 0,
      recollections: this.recollections,
      knownPositiveMarkers: [...this.knownPositiveMarkers],
      deviations: [...this.deviations],
      ...(this.institutionNotice ? { institutionNotice: this.institutionNotice } : {}),
      ...(this.batchNumber ? { batchNumber: this.batchNumber } : {}),
      ...(this.manufacturingSlot ? { manufacturingSlot: { ...this.manufacturingSlot } } : {}),
      ...(this.releaseGates ? { releaseGates: { ...this.releaseGates } } : {}),
      ...(this.followUpEndsAt ? { followUpEndsAt: this.followUpEndsAt } : {}),
      ...(this.recalls.length ? { recalls: [...this.recalls] } : {}),
    };
  }
}
