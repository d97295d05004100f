import type { FhirResource } from './fhir-identifiers';

/** The FHIR version these endpoints answer in (R4, technical correction 4.0.1). */
export const FHIR_VERSION = '4.0.1';
export const FHIR_JSON = 'application/fhir+json';

/** A search's answer: every match, none left out (no paging: a search returns few). */
export function searchsetBundle(baseUrl: string, self: string, matches: FhirResource[]) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [{ relation: 'self', url: `${baseUrl}/${self}` }],
    entry: matches.map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

const read = [{ code: 'read' }];
const searchType = [{ code: 'search-type' }];

/**
 * What this server answers: reads, and the order's create, JSON only, behind the gateway's
 * bearer token.
 */
export function capabilityStatement(date: string) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'vein-to-vein',
    kind: 'instance',
    software: { name: 'vein-to-vein gateway' },
    implementation: {
      description: "the hospital's read of its patients' journeys and its orders (TRC-04)",
    },
    fhirVersion: FHIR_VERSION,
    format: [FHIR_JSON],
    rest: [
      {
        mode: 'server',
        security: {
          description:
            "Bearer token of POST /api/auth/login. A hospital user reads its own institution only; another institution's record is answered 404 like an unknown one.",
        },
        resource: [
          {
            type: 'ServiceRequest',
            interaction: [...read, ...searchType, { code: 'create' }],
            searchParam: [
              { name: 'patient', type: 'reference', documentation: 'Patient/<reference>' },
            ],
          },
          { type: 'Specimen', interaction: read },
          { type: 'BiologicallyDerivedProduct', interaction: read },
          { type: 'Procedure', interaction: read },
          { type: 'Patient', interaction: read },
          {
            type: 'Task',
            interaction: searchType,
            searchParam: [
              { name: 'owner', type: 'reference', documentation: 'the institution id' },
              { name: 'status', type: 'token', documentation: 'requested (the only one kept)' },
            ],
          },
        ],
      },
    ],
  };
}
