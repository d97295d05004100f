import { Injectable } from '@nestjs/common';
import type {
  AcknowledgeNotificationCommand,
  CheckInstitutionRegistrationCommand,
  CheckQualificationCommand,
  CloseDeviationCommand,
  DecideQualificationCommand,
  DonorMaterialImpactCheck,
  DonorMaterialLabel,
  DonorMaterialTestsView,
  InstitutionNotification,
  RecordDonorMaterialImpactCommand,
  RecordDonorMaterialTestResultsCommand,
  NotificationFeedQuery,
  NotificationPage,
  TrainingDueNotificationCommand,
  RegisterDonorCommand,
  RegisterInstitutionCommand,
  RegisteredDonor,
} from '@v2v/contracts';
import { InternalServiceClient, segment } from './internal-service.client';

/** A qualification decision as donor-intake keeps it, with the signature it was made with. */
export interface RecordedInstitutionDecision {
  decisionId: string;
  institutionId: string;
  detail: Record<string, unknown>;
  signature: { signedContentHash: string };
}

/**
 * Donor-intake's internal API as the gateway uses it: the donor register, labels, telemetry
 * readings, deviations, the donor material's tests, the institution register and its
 * notification feeds. Donor codes given here are canonical (DonorCodePipe); other path values
 * are encoded.
 */
@Injectable()
export class DonorIntakeClient {
  constructor(private readonly http: InternalServiceClient) {}

  donor(donorCode: string) {
    return this.http.request<RegisteredDonor>(
      'donorIntake',
      'GET',
      `/internal/donors/${donorCode}`,
    );
  }

  registerDonor(command: RegisterDonorCommand) {
    return this.http.request<RegisteredDonor>('donorIntake', 'POST', '/internal/donors', command);
  }

  deleteDonor(donorCode: string) {
    return this.http.request<unknown>('donorIntake', 'DELETE', `/internal/donors/${donorCode}`);
  }

  label(donorCode: string) {
    return this.http.request<DonorMaterialLabel>(
      'donorIntake',
      'GET',
      `/internal/donors/${donorCode}/label`,
    );
  }

  temperatureReadings(donorCode: string, leg?: string) {
    return this.http.request<unknown>(
      'donorIntake',
      'GET',
      `/internal/temperature-readings/${donorCode}${leg ? `?leg=${leg}` : ''}`,
    );
  }

  /** GEN-01: refuses (409) an upload from a logger other than the one the leg is bound to. */
  admitTemperatureReadings(
    donorCode: string,
    upload: { leg: string; loggerId: string; uploadedBy: string; earliestMeasuredAt: string },
  ) {
    return this.http.request<void>(
      'donorIntake',
      'POST',
      `/internal/temperature-readings/${donorCode}/admission`,
      upload,
    );
  }

  deviations(donorCode: string) {
    return this.http.request<unknown>('donorIntake', 'GET', `/internal/deviations/${donorCode}`);
  }

  closeDeviation(deviationId: string, command: CloseDeviationCommand) {
    return this.http.request<unknown>(
      'donorIntake',
      'POST',
      `/internal/deviations/${segment(deviationId)}/close`,
      command,
    );
  }

  donorMaterialTests(donorCode: string) {
    return this.http.request<DonorMaterialTestsView>(
      'donorIntake',
      'GET',
      `/internal/donor-material-tests/${donorCode}`,
    );
  }

  recordDonorMaterialTestResults(command: RecordDonorMaterialTestResultsCommand) {
    return this.http.request<unknown>(
      'donorIntake',
      'POST',
      '/internal/donor-material-tests/results',
      command,
    );
  }

  /** QA-02.5: refuses what the assessment would be refused, so nothing is signed for it. */
  checkDonorMaterialImpact(check: DonorMaterialImpactCheck) {
    return this.http.request<unknown>(
      'donorIntake',
      'POST',
      '/internal/donor-material-tests/impact-assessment-check',
      check,
    );
  }

  assessDonorMaterialImpact(command: RecordDonorMaterialImpactCommand) {
    return this.http.request<unknown>(
      'donorIntake',
      'POST',
      '/internal/donor-material-tests/impact-assessments',
      command,
    );
  }

  institutions() {
    return this.http.request<Array<{ id: string }>>('donorIntake', 'GET', '/internal/institutions');
  }

  institution(institutionId: string) {
    return this.http.request<{ decisions: RecordedInstitutionDecision[] }>(
      'donorIntake',
      'GET',
      `/internal/institutions/${segment(institutionId)}`,
    );
  }

  checkInstitutionRegistration(command: CheckInstitutionRegistrationCommand) {
    return this.http.request<unknown>(
      'donorIntake',
      'POST',
      '/internal/institutions/registration-check',
      command,
    );
  }

  registerInstitution(command: RegisterInstitutionCommand) {
    return this.http.request<unknown>('donorIntake', 'POST', '/internal/institutions', command);
  }

  checkInstitutionDecision(institutionId: string, command: CheckQualificationCommand) {
    return this.http.request<unknown>(
      'donorIntake',
      'POST',
      `/internal/institutions/${segment(institutionId)}/decision-check`,
      command,
    );
  }

  decideInstitution(institutionId: string, command: DecideQualificationCommand) {
    return this.http.request<unknown>(
      'donorIntake',
      'POST',
      `/internal/institutions/${segment(institutionId)}/decisions`,
      command,
    );
  }

  /** TRC-04: one page of the feed; `institutionId` unset reads every institution's. */
  notifications(query: NotificationFeedQuery) {
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.unacknowledged !== undefined)
      params.set('unacknowledged', String(query.unacknowledged));
    if (query.institutionId) params.set('institutionId', query.institutionId);
    return this.http.request<NotificationPage>(
      'donorIntake',
      'GET',
      `/internal/notifications?${params.toString()}`,
    );
  }

  notification(notificationId: string) {
    return this.http.request<InstitutionNotification>(
      'donorIntake',
      'GET',
      `/internal/notifications/${segment(notificationId)}`,
    );
  }

  /** OTH-02, TRC-04: a training-due notice; a repeat of its source id records nothing. */
  recordTrainingDue(command: TrainingDueNotificationCommand) {
    return this.http.request<{ recorded: boolean }>(
      'donorIntake',
      'POST',
      '/internal/notifications/training-due',
      command,
    );
  }

  acknowledgeNotification(notificationId: string, command: AcknowledgeNotificationCommand) {
    return this.http.request<InstitutionNotification>(
      'donorIntake',
      'POST',
      `/internal/notifications/${segment(notificationId)}/acknowledgement`,
      command,
    );
  }
}
