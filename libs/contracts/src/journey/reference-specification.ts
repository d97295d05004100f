import type { ProductSpecificationContent } from './product-specification';

/**
 * Version 1 of the reference product, CART-CD19: published by the production service's
 * migration and used by the workflow tests, so both run against the same specification.
 */
export const CART_CD19_V1: ProductSpecificationContent = {
  name: 'Autologous anti-CD19 CAR-T cells',
  donorScreening: {
    requiredMarkers: ['HIV', 'HBV', 'HCV', 'syphilis'],
    excludedIfPositive: ['HIV'],
    resultsValidDays: 30,
    standards:
      'Patient eligible per protocol; HIV-1/2 Ab+Ag, HBsAg and HBV DNA, anti-HCV and HCV RNA, TPPA/RPR tested within 30 days before apheresis with blood-screening reagents. HIV-positive patients are not accepted; HBV, HCV or syphilis positive material is accepted for autologous use, flagged and segregated.',
  },
  collection: {
    method: 'Leukapheresis, target 1-2 x 10^9 CD3+ cells',
    minVolumeMl: 50,
    maxVolumeMl: 300,
    container: 'Validated 300 mL transfer bag, sealed, in a secondary bag',
    labelling:
      'Donor unique code as 2D barcode and text, collection date and time, volume, institution',
  },
  postCollectionStorage: { required: true, maxHours: 24, minTemperatureC: 2, maxTemperatureC: 8 },
  transportToFactory: {
    maxHours: 48,
    minTemperatureC: 2,
    maxTemperatureC: 8,
    maxReadingGapMinutes: 30,
  },
  receipt: {
    procedure:
      'Check the institution, transport temperature and time record, packaging, label, collection record and screening results; quarantine on any failure.',
  },
  donorMaterialShelfLifeHours: 72,
  shipmentToSite: {
    maxHours: 72,
    minTemperatureC: -196,
    maxTemperatureC: -150,
    maxReadingGapMinutes: 60,
  },
  productShelfLifeDays: 180,
  followUpDays: 90,
};
