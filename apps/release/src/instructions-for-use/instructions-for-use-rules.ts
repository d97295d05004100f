import {
  DomainError,
  type InstructionsForUse,
  type InstructionsForUseShipment,
  type ProductSpecification,
} from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';

/**
 * OTH-01 (§12(1)): a product ships only with the instructions for use of the specification
 * version its journey is pinned to. A version published before instructions were part of the
 * specification has none, and its product cannot ship until QA publishes one that has.
 */
export function requireInstructionsForUse(specification: ProductSpecification): InstructionsForUse {
  if (!specification.instructionsForUse)
    throw new DomainError(
      'OTH-01',
      `specification ${specification.productCode} v${specification.version} has no instructions for use to ship with the product (OTH-01)`,
      { productCode: specification.productCode, version: specification.version },
    );
  return specification.instructionsForUse;
}

/** OTH-01: what identifies the instructions that travelled, whatever the key order they came in. */
export function instructionsHash(instructions: InstructionsForUse): string {
  return contentHash(canonicalContent(instructions));
}

/** OTH-01: receipt is acknowledged only of instructions that travelled with a shipment. */
export function requireShippedInstructions(
  donorCode: string,
  shipment: InstructionsForUseShipment | undefined,
): InstructionsForUseShipment {
  if (!shipment)
    throw new DomainError(
      'OTH-01',
      `no instructions for use have been shipped with the product of ${donorCode} yet, so there is nothing to acknowledge (OTH-01)`,
    );
  return shipment;
}

/**
 * OTH-01: the product is infused only after the hospital acknowledged receipt of the
 * instructions for use that travelled with it.
 */
export function requireInstructionsAcknowledged(
  donorCode: string,
  shipment: InstructionsForUseShipment | undefined,
): void {
  if (!shipment)
    throw new DomainError(
      'OTH-01',
      `no instructions for use travelled with the product of ${donorCode}; it cannot be infused (OTH-01)`,
    );
  if (!shipment.acknowledgement)
    throw new DomainError(
      'OTH-01',
      `the hospital has not acknowledged receipt of the instructions for use of ${shipment.productCode} v${shipment.specificationVersion} shipped with ${donorCode}; acknowledge them before the infusion (OTH-01)`,
      {
        productCode: shipment.productCode,
        version: shipment.specificationVersion,
        contentSha256: shipment.contentSha256,
      },
    );
}
