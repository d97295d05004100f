/**
 * The product-specific limits a journey is pinned to at start (GEN-03). The full
 * specification (screening, tests, shelf lives) grows in later issues; the journey only
 * needs the custody-leg limits it watches with durable timers (GEN-01).
 */
export interface CustodyLegLimit {
  /** Maximum duration of the leg, from hand-over to receipt. */
  maxHours: number;
  minTemperatureC: number;
  maxTemperatureC: number;
}

export interface ProductSpecification {
  productCode: string;
  version: number;
  name: string;
  transportToFactory: CustodyLegLimit;
  shipmentToSite: CustodyLegLimit;
  followUpDays: number;
}
