import { Injectable } from '@nestjs/common';
import type {
  Actor,
  AssessContaminationImpactCommand,
  BatchLabel,
  BookProcessStepCommand,
  CalendarQuery,
  CancelBookingCommand,
  ChangeAreaCommand,
  CloseDeviationCommand,
  ChangeEquipmentCommand,
  ChangeRoomCommand,
  DecideKeyMaterialLotCommand,
  DecideProcessValidationCommand,
  Decontamination,
  IdentifyOrganismCommand,
  LotDecision,
  ProcessValidationDecision,
  PublishProcessDefinitionCommand,
  PublishSpecificationCommand,
  ReceiveKeyMaterialLotCommand,
  RecordConsumptionCommand,
  RecordEmResultsCommand,
  RecordEmSessionCommand,
  RecordIntegrityCheckCommand,
  RecordLineClearanceCommand,
  RecordMediaFillCommand,
  RegisterAreaCommand,
  RegisterEquipmentCommand,
  RegisterKeyMaterialCommand,
  RegisterLineCommand,
  RegisterRoomCommand,
  RegisterShiftCommand,
} from '@v2v/contracts';
import { InternalServiceClient, segment } from './internal-service.client';

/** A lot forward, as production knows it: the batches and donor codes it went into. */
export interface LotGenealogy {
  lot: Record<string, unknown>;
  consumptions: Array<{ donorCode: string } & Record<string, unknown>>;
}

/** A label production generated for a batch step, with the batch and donor it belongs to. */
export type BatchLabelContent = BatchLabel & { batchNumber: string; donorCode: string };

/**
 * Production's internal API as the gateway uses it: product specifications, key materials, the
 * facility register and media fills.
 * Product and donor codes given here are checked first; other path values are encoded.
 */
@Injectable()
export class ProductionClient {
  constructor(private readonly http: InternalServiceClient) {}

  specifications() {
    return this.http.request<unknown>('production', 'GET', '/internal/product-specifications');
  }

  /** `productCode` is checked (productCodeSchema); `version` a positive integer. */
  specification(productCode: string, version?: string) {
    return this.http.request<unknown>(
      'production',
      'GET',
      `/internal/product-specifications/${productCode}${version ? `?version=${version}` : ''}`,
    );
  }

  /** The published specification of an unchecked product code (an order's). */
  specificationOf(productCode: string) {
    return this.specification(segment(productCode));
  }

  specificationVersions(productCode: string) {
    return this.http.request<unknown>(
      'production',
      'GET',
      `/internal/product-specifications/${productCode}/versions`,
    );
  }

  publishSpecification(productCode: string, command: PublishSpecificationCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/product-specifications/${productCode}/versions`,
      command,
    );
  }

  keyMaterials() {
    return this.http.request<unknown>('production', 'GET', '/internal/key-materials');
  }

  registerKeyMaterial(command: RegisterKeyMaterialCommand) {
    return this.http.request<unknown>('production', 'POST', '/internal/key-materials', command);
  }

  receiveLot(materialCode: string, command: ReceiveKeyMaterialLotCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/key-materials/${segment(materialCode)}/lots`,
      command,
    );
  }

  checkLotDecision(lotId: string, decision: LotDecision, eventId: string) {
    return this.http.request<unknown>(
      'production',
      'GET',
      `/internal/key-material-lots/${segment(lotId)}/decision-check${query({ decision, eventId })}`,
    );
  }

  decideLot(lotId: string, command: DecideKeyMaterialLotCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/key-material-lots/${segment(lotId)}/decisions`,
      command,
    );
  }

  lotGenealogy(lotId: string) {
    return this.http.request<LotGenealogy>(
      'production',
      'GET',
      `/internal/key-material-lots/${segment(lotId)}/genealogy`,
    );
  }

  recordConsumption(command: RecordConsumptionCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      '/internal/key-material-consumptions',
      command,
    );
  }

  consumptionsOf(donorCode: string) {
    return this.http.request<unknown>(
      'production',
      'GET',
      `/internal/key-material-consumptions?donorCode=${donorCode}`,
    );
  }

  facility() {
    return this.http.request<unknown>('production', 'GET', '/internal/facility');
  }

  /** A new area, room, equipment, line or shift of the facility register. */
  registerFacilityRecord(
    kind: 'areas' | 'rooms' | 'equipment' | 'lines' | 'shifts',
    command:
      | RegisterAreaCommand
      | RegisterRoomCommand
      | RegisterEquipmentCommand
      | RegisterLineCommand
      | RegisterShiftCommand,
  ) {
    return this.http.request<unknown>('production', 'POST', `/internal/facility/${kind}`, command);
  }

  /** A change of a register record, with its reason; `code` is encoded. */
  changeFacilityRecord(
    kind: 'areas' | 'rooms' | 'equipment',
    code: string,
    command: ChangeAreaCommand | ChangeRoomCommand | ChangeEquipmentCommand,
  ) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/facility/${kind}/${segment(code)}/changes`,
      command,
    );
  }

  equipment(equipmentCode: string) {
    return this.http.request<unknown>(
      'production',
      'GET',
      `/internal/equipment/${segment(equipmentCode)}`,
    );
  }

  recordIntegrityCheck(equipmentCode: string, command: RecordIntegrityCheckCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/equipment/${segment(equipmentCode)}/integrity-checks`,
      command,
    );
  }

  recordMediaFill(command: RecordMediaFillCommand) {
    return this.http.request<unknown>('production', 'POST', '/internal/media-fills', command);
  }

  mediaFillStatus(lineCode: string, shiftCode?: string) {
    const query = shiftCode === undefined ? '' : `?shift=${segment(shiftCode)}`;
    return this.http.request<unknown>(
      'production',
      'GET',
      `/internal/production-lines/${segment(lineCode)}/media-fill-status${query}`,
    );
  }

  /** `productCode` is checked (productCodeSchema). */
  processVersions(productCode: string) {
    return this.http.request<unknown>('production', 'GET', `/internal/processes/${productCode}`);
  }

  publishProcessDefinition(productCode: string, command: PublishProcessDefinitionCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/processes/${productCode}`,
      command,
    );
  }

  checkProcessValidation(
    productCode: string,
    processVersion: number,
    decision: ProcessValidationDecision,
  ) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/processes/${productCode}/${processVersion}/validation-check`,
      decision,
    );
  }

  decideProcessValidation(
    productCode: string,
    processVersion: number,
    command: DecideProcessValidationCommand,
  ) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/processes/${productCode}/${processVersion}/validations`,
      command,
    );
  }

  productionCalendar(query: CalendarQuery) {
    const params = new URLSearchParams(query).toString();
    return this.http.request<unknown>(
      'production',
      'GET',
      `/internal/production-calendar?${params}`,
    );
  }

  bookProcessStep(command: BookProcessStepCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      '/internal/production-calendar/bookings',
      command,
    );
  }

  cancelBooking(bookingId: string, command: CancelBookingCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/production-calendar/bookings/${segment(bookingId)}/cancel`,
      command,
    );
  }

  recordLineClearance(bookingId: string, command: RecordLineClearanceCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `/internal/production-calendar/bookings/${segment(bookingId)}/line-clearance`,
      command,
    );
  }

  /** Environmental monitoring (PRD-05); ids in paths are encoded, query values too. */
  recordEmSession(command: RecordEmSessionCommand) {
    return this.http.request<unknown>('production', 'POST', `${EM}/sessions`, command);
  }

  recordEmResults(sessionId: string, command: RecordEmResultsCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `${EM}/sessions/${segment(sessionId)}/results`,
      command,
    );
  }

  emSessions(filter: { roomCode?: string; from?: string; to?: string }) {
    return this.http.request<unknown>('production', 'GET', `${EM}/sessions${query(filter)}`);
  }

  emExcursions(open?: string) {
    return this.http.request<unknown>('production', 'GET', `${EM}/excursions${query({ open })}`);
  }

  identifyOrganism(excursionId: string, command: IdentifyOrganismCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `${EM}/excursions/${segment(excursionId)}/organism-identification`,
      command,
    );
  }

  checkImpactAssessment(excursionId: string, donorCode: string, eventId: string) {
    return this.http.request<unknown>(
      'production',
      'GET',
      `${EM}/excursions/${segment(excursionId)}/impact-assessment-check${query({ donorCode, eventId })}`,
    );
  }

  assessContaminationImpact(excursionId: string, command: AssessContaminationImpactCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `${EM}/excursions/${segment(excursionId)}/impact-assessments`,
      command,
    );
  }

  /** PRD-05: the open holds on the journey's batch; `donorCode` is canonical. */
  emReleaseHolds(donorCode: string) {
    return this.http.request<unknown>(
      'production',
      'GET',
      `${EM}/release-holds${query({ donorCode })}`,
    );
  }

  /** PRD-05: the deviations excursions raised on the journey; `donorCode` is canonical. */
  emDeviations(donorCode: string) {
    return this.http.request<Array<{ deviationId: string; raisedAt: string }>>(
      'production',
      'GET',
      `${EM}/deviations${query({ donorCode })}`,
    );
  }

  closeEmDeviation(deviationId: string, command: CloseDeviationCommand) {
    return this.http.request<unknown>(
      'production',
      'POST',
      `${EM}/deviations/${segment(deviationId)}/close`,
      command,
    );
  }

  /** PRD-06: what a batch label shows and encodes. */
  batchLabel(labelId: string) {
    return this.http.request<BatchLabelContent>(
      'production',
      'GET',
      `/internal/batch-labels/${segment(labelId)}`,
    );
  }

  /** PER-02: a person's decontamination on leaving a vector or positive-material area. */
  recordDecontamination(command: Decontamination & { eventId: string; recordedBy: Actor }) {
    return this.http.request<unknown>('production', 'POST', '/internal/decontaminations', command);
  }
}

const EM = '/internal/environmental-monitoring';

/** A query string of the defined values, each encoded. */
function query(values: Record<string, string | undefined>): string {
  const defined = Object.entries(values).filter(
    (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
  );
  return defined.length ? `?${new URLSearchParams(defined).toString()}` : '';
}
