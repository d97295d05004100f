import { namePathOf } from './field-errors';

describe('server field errors beside the fields', () => {
  it('reads a list item of the body as the form list item of the same index', () => {
    expect(namePathOf('results.0.method')).toEqual(['results', 0, 'method']);
  });

  it('keeps a top-level field as its name', () => {
    expect(namePathOf('labelScan')).toEqual(['labelScan']);
  });
});
