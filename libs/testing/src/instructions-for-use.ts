import type { InstructionsForUseShipment, Role } from '@v2v/contracts';
import type { GatewayClient } from './gateway-client';

/**
 * What the hospital does between the receipt at the site and the infusion (OTH-01): it
 * acknowledges receipt of the instructions for use that travelled with the shipment. Throws
 * naming the refusal otherwise; a repeat is answered with the first acknowledgement.
 */
export async function acknowledgeInstructionsForUse(
  api: GatewayClient,
  donorCode: string,
  user: Role | string = 'hospital',
): Promise<InstructionsForUseShipment> {
  const res = await api.as<InstructionsForUseShipment>(
    user,
    'POST',
    `/api/journeys/${encodeURIComponent(donorCode)}/instructions-for-use/acknowledgement`,
    { body: {} },
  );
  if (res.status !== 200)
    throw new Error(
      `the acknowledgement of the instructions for use of ${donorCode} by ${user}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  return res.body;
}
