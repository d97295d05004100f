import {
  CART_CD19_V1,
  DomainError,
  type InstructionsForUseShipment,
  type ProductSpecification,
} from '@v2v/contracts';
import {
  instructionsHash,
  requireInstructionsAcknowledged,
  requireInstructionsForUse,
  requireShippedInstructions,
} from './instructions-for-use-rules';

const DONOR = 'Z99992600012345';
const specification: ProductSpecification = {
  productCode: 'CART-CD19',
  version: 1,
  ...CART_CD19_V1,
};
const shipment: InstructionsForUseShipment = {
  shipmentId: 's-1',
  donorCode: DONOR,
  productCode: 'CART-CD19',
  specificationVersion: 3,
  contentSha256: instructionsHash(CART_CD19_V1.instructionsForUse),
  instructions: CART_CD19_V1.instructionsForUse,
  shippedAt: '2026-11-29T10:00:00.000Z',
  acknowledgement: null,
};

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('instructions for use travel with the product (OTH-01)', () => {
  it('OTH-01 refuses the shipment of a specification version without instructions for use', () => {
    const older: ProductSpecification = { ...specification, version: 2 };
    delete older.instructionsForUse;
    const error = refusal(() => requireInstructionsForUse(older));
    expect(error).toMatchObject({
      code: 'OTH-01',
      message:
        'specification CART-CD19 v2 has no instructions for use to ship with the product (OTH-01)',
      details: { productCode: 'CART-CD19', version: 2 },
    });
  });

  it('OTH-01 ships the pinned version’s instructions, hashed whatever their key order', () => {
    expect(requireInstructionsForUse(specification)).toBe(CART_CD19_V1.instructionsForUse);
    const { warnings, ...rest } = CART_CD19_V1.instructionsForUse;
    const reordered = { warnings, ...rest };
    expect(instructionsHash(reordered)).toBe(instructionsHash(CART_CD19_V1.instructionsForUse));
    expect(instructionsHash(CART_CD19_V1.instructionsForUse)).toMatch(/^[0-9a-f]{64}$/);
    const changed = { ...rest, warnings: warnings.slice(1) };
    expect(instructionsHash(changed)).not.toBe(instructionsHash(CART_CD19_V1.instructionsForUse));
  });

  it('OTH-01 refuses an acknowledgement before anything was shipped', () => {
    expect(refusal(() => requireShippedInstructions(DONOR, undefined))).toMatchObject({
      code: 'OTH-01',
      message: expect.stringContaining('nothing to acknowledge (OTH-01)'),
    });
    expect(requireShippedInstructions(DONOR, shipment)).toBe(shipment);
  });

  it('OTH-01 refuses the infusion until the hospital acknowledged the shipped version', () => {
    expect(refusal(() => requireInstructionsAcknowledged(DONOR, shipment))).toMatchObject({
      code: 'OTH-01',
      message: `the hospital has not acknowledged receipt of the instructions for use of CART-CD19 v3 shipped with ${DONOR}; acknowledge them before the infusion (OTH-01)`,
    });
    expect(refusal(() => requireInstructionsAcknowledged(DONOR, undefined)).code).toBe('OTH-01');
    const acknowledged = {
      ...shipment,
      acknowledgement: {
        acknowledgementId: 'a-1',
        shipmentId: 's-1',
        contentSha256: shipment.contentSha256,
        acknowledgedBy: { userId: 'nurse.li', role: 'hospital' as const },
        institutionId: 'INST-001',
        acknowledgedAt: '2026-11-30T08:00:00.000Z',
      },
    };
    expect(() => requireInstructionsAcknowledged(DONOR, acknowledged)).not.toThrow();
  });
});
