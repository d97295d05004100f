import { fhirIdOfDonorCode, type JourneyStage } from '@v2v/contracts';
import {
  donorCodeIdentifier,
  FHIR_SYSTEMS,
  FhirResource,
  institutionReference,
  patientReferenceTo,
  serviceRequestReference,
} from './fhir-identifiers';
import type { FhirJourney } from './fhir-journey';

/** The journey's stage as a tag on every resource of it: the one status the platform keeps. */
const stageTag = (stage: JourneyStage) => ({
  tag: [{ system: FHIR_SYSTEMS.journeyStage, code: stage }],
});

const productCodeOf = (productCode: string) => ({
  coding: [{ system: FHIR_SYSTEMS.productCode, code: productCode }],
  text: `autologous cell therapy ${productCode}`,
});

/** ServiceRequest.status: the order is active until the infusion, then completed. */
function orderStatus(stage: JourneyStage): 'active' | 'completed' | 'revoked' {
  if (stage === 'cancelled') return 'revoked';
  return ['infused', 'follow-up', 'closed'].includes(stage) ? 'completed' : 'active';
}

/**
 * Specimen.status of the latest unit: available from its collection until production takes
 * it; unsatisfactory once QA rejected it; unavailable once in production, after the journey
 * was cancelled, and while a recollection is booked after a rejected batch.
 */
const SPECIMEN_STATUS: Record<JourneyStage, 'available' | 'unavailable' | 'unsatisfactory'> = {
  ordered: 'unavailable',
  'donor-screened': 'unavailable',
  'collection-scheduled': 'unavailable',
  collected: 'available',
  'in-transit-to-factory': 'available',
  received: 'available',
  'material-quarantined': 'available',
  'material-released': 'available',
  'material-rejected': 'unsatisfactory',
  'in-production': 'unavailable',
  'batch-rejected': 'unavailable',
  qc: 'unavailable',
  'release-review': 'unavailable',
  released: 'unavailable',
  shipped: 'unavailable',
  'received-at-site': 'unavailable',
  infused: 'unavailable',
  'follow-up': 'unavailable',
  closed: 'unavailable',
  cancelled: 'unavailable',
};

/** The product may be given to the patient only between its release and its infusion. */
const PRODUCT_AVAILABLE: readonly JourneyStage[] = ['released', 'shipped', 'received-at-site'];

/** TRC-04: the order, `ServiceRequest/<donor code>`. */
export function serviceRequestOf(journey: FhirJourney): FhirResource {
  return {
    resourceType: 'ServiceRequest',
    id: fhirIdOfDonorCode(journey.donorCode),
    meta: stageTag(journey.stage),
    identifier: [donorCodeIdentifier(journey.donorCode)],
    status: orderStatus(journey.stage),
    intent: 'order',
    code: productCodeOf(journey.productCode),
    subject: patientReferenceTo(journey.patientReference),
    authoredOn: journey.orderedAt,
    requester: institutionReference(journey.institutionId),
    ...(journey.collection
      ? { specimen: [{ reference: `Specimen/${fhirIdOfDonorCode(journey.donorCode)}` }] }
      : {}),
  };
}

/** TRC-04: the donor material of the latest collection, `Specimen/<donor code>`. */
export function specimenOf(
  journey: FhirJourney & { collection: NonNullable<FhirJourney['collection']> },
): FhirResource {
  const { collection, receipt } = journey;
  return {
    resourceType: 'Specimen',
    id: fhirIdOfDonorCode(journey.donorCode),
    meta: stageTag(journey.stage),
    identifier: [donorCodeIdentifier(journey.donorCode)],
    status: SPECIMEN_STATUS[journey.stage],
    type: { text: 'autologous apheresis material' },
    subject: patientReferenceTo(journey.patientReference),
    request: [serviceRequestReference(journey.donorCode)],
    ...(receipt ? { receivedTime: receipt.receivedAt } : {}),
    collection: {
      collectedDateTime: collection.collectedAt,
      quantity: {
        value: collection.volumeMl,
        unit: 'mL',
        system: 'http://unitsofmeasure.org',
        code: 'mL',
      },
    },
    container: [{ identifier: [{ system: FHIR_SYSTEMS.bagLot, value: collection.bagLot }] }],
  };
}

/**
 * TRC-04: the product, `BiologicallyDerivedProduct/<donor code>`: identified by the donor
 * code and by its batch number.
 */
export function biologicallyDerivedProductOf(
  journey: FhirJourney & { batchNumber: string },
): FhirResource {
  return {
    resourceType: 'BiologicallyDerivedProduct',
    id: fhirIdOfDonorCode(journey.donorCode),
    meta: stageTag(journey.stage),
    identifier: [
      donorCodeIdentifier(journey.donorCode),
      { use: 'secondary', system: FHIR_SYSTEMS.batchNumber, value: journey.batchNumber },
    ],
    productCategory: 'cells',
    productCode: productCodeOf(journey.productCode),
    status: PRODUCT_AVAILABLE.includes(journey.stage) ? 'available' : 'unavailable',
    request: [serviceRequestReference(journey.donorCode)],
    quantity: 1,
    ...(journey.collection
      ? {
          collection: {
            source: patientReferenceTo(journey.patientReference),
            collectedDateTime: journey.collection.collectedAt,
          },
        }
      : {}),
  };
}

/**
 * TRC-04: the infusion, `Procedure/<donor code>`. R4's Procedure.usedReference cannot point at
 * a BiologicallyDerivedProduct, so the product is named by its code and batch in usedCode.
 */
export function infusionProcedureOf(
  journey: FhirJourney & { infusion: NonNullable<FhirJourney['infusion']> },
): FhirResource {
  const used = productCodeOf(journey.productCode);
  const batch = journey.batchNumber ? `, batch ${journey.batchNumber}` : '';
  return {
    resourceType: 'Procedure',
    id: fhirIdOfDonorCode(journey.donorCode),
    meta: stageTag(journey.stage),
    identifier: [donorCodeIdentifier(journey.donorCode)],
    basedOn: [serviceRequestReference(journey.donorCode)],
    status: 'completed',
    code: { text: 'infusion of the autologous cell therapy product' },
    subject: patientReferenceTo(journey.patientReference),
    performedDateTime: journey.infusion.infusedAt,
    performer: [{ actor: institutionReference(journey.institutionId) }],
    usedCode: [{ ...used, text: `${used.text}${batch}` }],
  };
}

/** The patient: its pseudonymous reference only (no name, no medical record number). */
export function patientOf(patientReference: string): FhirResource {
  return {
    resourceType: 'Patient',
    id: patientReference,
    identifier: [
      { use: 'secondary', system: FHIR_SYSTEMS.patientReference, value: patientReference },
    ],
  };
}
