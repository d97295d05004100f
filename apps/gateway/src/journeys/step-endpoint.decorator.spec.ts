import { z } from 'zod';
import { STEP_PAYLOAD_SCHEMAS } from '@v2v/contracts';
import { openApiSchema } from './step-endpoint.decorator';

/** Every `exclusiveMinimum`/`exclusiveMaximum` in a schema, with where it stands. */
function exclusiveBounds(node: unknown, path = ''): Array<[string, unknown]> {
  if (Array.isArray(node)) return node.flatMap((v, i) => exclusiveBounds(v, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key === 'exclusiveMinimum' || key === 'exclusiveMaximum'
      ? [[`${path}/${key}`, value] as [string, unknown]]
      : []),
    ...exclusiveBounds(value, `${path}/${key}`),
  ]);
}

describe('openApiSchema', () => {
  it('writes OpenAPI 3.0 bounds: a boolean exclusiveMinimum beside its minimum, never a number', () => {
    expect(openApiSchema(z.strictObject({ volumeMl: z.number().positive() }))).toMatchObject({
      properties: { volumeMl: { type: 'number', minimum: 0, exclusiveMinimum: true } },
    });
  });

  it('keeps every journey step body valid OpenAPI 3.0 (no JSON Schema 2020 numeric bounds, no $schema)', () => {
    for (const [step, schema] of Object.entries(STEP_PAYLOAD_SCHEMAS)) {
      const document = openApiSchema(schema);
      expect({ step, $schema: document.$schema }).toEqual({ step, $schema: undefined });
      for (const [where, value] of exclusiveBounds(document))
        expect({ step, where, value: typeof value }).toEqual({ step, where, value: 'boolean' });
    }
  });
});
