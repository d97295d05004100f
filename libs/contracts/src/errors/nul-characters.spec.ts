import { nulCharacterAt, storableText, storableValue } from './nul-characters';

describe('nulCharacterAt', () => {
  it('names the field of the first string carrying U+0000', () => {
    expect(nulCharacterAt({ reason: 'ok', items: [{ note: 'a\u0000b' }] })).toBe('items.0.note');
  });

  it('names a key carrying one', () => {
    expect(nulCharacterAt({ details: { 'x\u0000': 1 } })).toBe('details.x\u0000');
  });

  it('finds none in clean values, numbers, nulls and other control characters', () => {
    expect(nulCharacterAt({ a: 'tab\there', b: 3, c: null, d: [true, '\u0001'] })).toBeUndefined();
    expect(nulCharacterAt(undefined)).toBeUndefined();
  });
});

describe('storableText', () => {
  it('writes a NUL character as its escape and leaves other text as it is', () => {
    expect(storableText("donor code '\u0000(' must be …")).toBe("donor code '\\u0000(' must be …");
    expect(storableText('说明\tno NUL')).toBe('说明\tno NUL');
  });
});

describe('storableValue', () => {
  it('escapes every string and key, leaving the shape and other values as they are', () => {
    const value = { 'k\u0000': ['a\u0000', 3, null, { note: 'b\u0000c', ok: true }] };
    const stored = storableValue(value);
    expect(stored).toEqual({ 'k\\u0000': ['a\\u0000', 3, null, { note: 'b\\u0000c', ok: true }] });
    expect(nulCharacterAt(stored)).toBeUndefined();
    expect(value['k\u0000'][0]).toBe('a\u0000');
  });
});
