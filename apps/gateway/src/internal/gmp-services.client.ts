import { Injectable } from '@nestjs/common';
import type { AuditView } from '@v2v/audit';
import type {
  CheckShipperWithdrawalCommand,
  QualifyShipperCommand,
  ShipperQualification,
  WithdrawShipperCommand,
} from '@v2v/contracts';
import type { RefusalView } from '@v2v/messaging';
import type { JourneySignatureView } from '@v2v/signatures';
import { InternalServiceClient, segment } from './internal-service.client';

/**
 * The services that keep GMP records, each serving the same record endpoints (libs/service-kit).
 */
export const GMP_SERVICES = ['donorIntake', 'production', 'release'] as const;
export type GmpService = (typeof GMP_SERVICES)[number];
/** The services that keep a shipper register (libs/shipper-qualification). */
export type ShippingService = 'donorIntake' | 'release';

/**
 * The internal endpoints every GMP service serves alike: audit trail, refusals, the signatures
 * and step records of its journeys, and (for the shipping services) the shipper register.
 */
@Injectable()
export class GmpServicesClient {
  constructor(private readonly http: InternalServiceClient) {}

  auditOfJourney(service: GmpService, journeyId: string) {
    return this.http.request<AuditView[]>(
      service,
      'GET',
      `/internal/audit?journeyId=${segment(journeyId)}`,
    );
  }

  auditOfRecord(service: GmpService, recordType: string, recordId: string) {
    return this.http.request<AuditView[]>(
      service,
      'GET',
      `/internal/audit/records/${segment(recordType)}/${segment(recordId)}`,
    );
  }

  verifyAudit(service: GmpService) {
    return this.http.request<{ valid: boolean; headsHash: string }>(
      service,
      'POST',
      '/internal/audit/verify',
    );
  }

  /** `donorCode` is canonical (DonorCodePipe). */
  refusals(service: GmpService, donorCode: string) {
    return this.http.request<RefusalView[]>(
      service,
      'GET',
      `/internal/refusals?donorCode=${donorCode}`,
    );
  }

  /** `donorCode` is canonical (DonorCodePipe). */
  journeySignatures(service: GmpService, donorCode: string) {
    return this.http.request<JourneySignatureView[]>(
      service,
      'GET',
      `/internal/journeys/${donorCode}/signatures`,
    );
  }

  stepRecord(service: GmpService, eventId: string) {
    return this.http.request<{ detail: Record<string, unknown> }>(
      service,
      'GET',
      `/internal/step-records/${eventId}`,
    );
  }

  qualifiedShippers(service: ShippingService) {
    return this.http.request<ShipperQualification[]>(
      service,
      'GET',
      '/internal/qualified-shippers',
    );
  }

  qualifyShipper(service: ShippingService, command: QualifyShipperCommand) {
    return this.http.request<ShipperQualification>(
      service,
      'POST',
      '/internal/qualified-shippers',
      command,
    );
  }

  checkShipperWithdrawal(
    service: ShippingService,
    shipperId: string,
    command: CheckShipperWithdrawalCommand,
  ) {
    return this.http.request<unknown>(
      service,
      'POST',
      `/internal/qualified-shippers/${segment(shipperId)}/withdraw-check`,
      command,
    );
  }

  withdrawShipper(service: ShippingService, shipperId: string, command: WithdrawShipperCommand) {
    return this.http.request<ShipperQualification>(
      service,
      'POST',
      `/internal/qualified-shippers/${segment(shipperId)}/withdraw`,
      command,
    );
  }
}
