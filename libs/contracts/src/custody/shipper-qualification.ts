import { DomainError } from '../errors/domain-error';

export interface ShipperQualification {
  shipperId: string;
  /** What the configuration is qualified to carry. */
  carries: 'donor-material' | 'product';
  qualifiedUntil: string;
}

/**
 * MAT-03: donor material and product ship only on a qualified shipper/lane configuration,
 * qualified for what it carries and not past its requalification date (ISO dates).
 */
export function assertQualifiedShipper(
  shipperId: string,
  carries: ShipperQualification['carries'],
  qualification: ShipperQualification | undefined,
  today: string,
): void {
  if (!qualification || qualification.carries !== carries) {
    throw new DomainError('MAT-03', `shipper ${shipperId} is not a qualified configuration for ${carries} (MAT-03)`, { shipperId });
  }
  if (qualification.qualifiedUntil < today) {
    throw new DomainError('MAT-03', `shipper ${shipperId}'s qualification expired on ${qualification.qualifiedUntil} (MAT-03)`, { shipperId });
  }
}
