import { storableText } from './storable-text';

describe('storableText', () => {
  it('writes a NUL character as its escape and leaves other text as it is', () => {
    expect(storableText("donor code '\u0000(' must be …")).toBe("donor code '\\u0000(' must be …");
    expect(storableText('说明\tno NUL')).toBe('说明\tno NUL');
  });
});
