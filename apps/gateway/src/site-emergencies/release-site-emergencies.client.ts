import { Injectable } from '@nestjs/common';
import type { DeviationNotice, ReportSiteEmergencyCommand } from '@v2v/contracts';
import { InternalServiceClient } from '../internal/internal-service.client';

/** The release service's emergencies found at the site (QA-04); donor codes canonical. */
@Injectable()
export class ReleaseSiteEmergenciesClient {
  constructor(private readonly http: InternalServiceClient) {}

  report(command: ReportSiteEmergencyCommand) {
    return this.http.request<DeviationNotice>(
      'release',
      'POST',
      '/internal/emergency-reports',
      command,
    );
  }
}
