import { Injectable } from '@nestjs/common';
import type {
  CheckOosOutcomeCommand,
  DecideOosOutcomeCommand,
  OosInvestigationView,
  QcResultsView,
  RecordOosLaboratoryConclusionCommand,
  RecordOosProcessConclusionCommand,
} from '@v2v/contracts';
import { InternalServiceClient } from '../internal/internal-service.client';

/**
 * The release service's QC results and OOS investigations as the gateway uses them (QA-02.1).
 * Donor codes given here are canonical (DonorCodePipe); the rest travels in the body.
 */
@Injectable()
export class ReleaseQualityControlClient {
  constructor(private readonly http: InternalServiceClient) {}

  results(donorCode: string) {
    return this.http.request<QcResultsView>(
      'release',
      'GET',
      `/internal/journeys/${donorCode}/qc-results`,
    );
  }

  investigations(donorCode: string) {
    return this.http.request<OosInvestigationView[]>(
      'release',
      'GET',
      `/internal/journeys/${donorCode}/oos-investigations`,
    );
  }

  laboratoryConclusion(command: RecordOosLaboratoryConclusionCommand) {
    return this.http.request<OosInvestigationView>(
      'release',
      'POST',
      '/internal/oos-investigations/laboratory-conclusions',
      command,
    );
  }

  processConclusion(command: RecordOosProcessConclusionCommand) {
    return this.http.request<OosInvestigationView>(
      'release',
      'POST',
      '/internal/oos-investigations/process-conclusions',
      command,
    );
  }

  checkOutcome(command: CheckOosOutcomeCommand) {
    return this.http.request<unknown>(
      'release',
      'POST',
      '/internal/oos-investigations/outcomes/check',
      command,
    );
  }

  decideOutcome(command: DecideOosOutcomeCommand) {
    return this.http.request<OosInvestigationView>(
      'release',
      'POST',
      '/internal/oos-investigations/outcomes',
      command,
    );
  }
}
