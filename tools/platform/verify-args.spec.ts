import { parseVerifyArgs } from './verify-args';

describe('npm run verify arguments', () => {
  it('verifies the database with no arguments, an export with --offline', () => {
    expect(parseVerifyArgs([])).toEqual({ mode: 'online' });
    expect(parseVerifyArgs(['--offline', 'export.json'])).toEqual({
      mode: 'offline',
      exportFile: 'export.json',
    });
    expect(parseVerifyArgs(['--offline', 'e.json', '--public-key', 'k.pem'])).toEqual({
      mode: 'offline',
      exportFile: 'e.json',
      publicKeyFile: 'k.pem',
    });
  });

  it('refuses a flag without its file, unknown options and stray arguments', () => {
    expect(() => parseVerifyArgs(['--offline'])).toThrow(/--offline needs a file/);
    expect(() => parseVerifyArgs(['--offline', 'e.json', '--public-key'])).toThrow(/needs a file/);
    expect(() => parseVerifyArgs(['--online'])).toThrow(/unknown option --online/);
    expect(() => parseVerifyArgs(['--offline', 'e.json', 'extra'])).toThrow(/unexpected/);
    expect(() => parseVerifyArgs(['--public-key', 'k.pem'])).toThrow(/usage/);
  });
});
