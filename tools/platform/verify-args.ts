/** What `npm run verify` was asked: the database (online) or one export file (offline). */
export type VerifyRequest =
  { mode: 'online' } | { mode: 'offline'; exportFile: string; publicKeyFile?: string };

const USAGE = 'usage: npm run verify [-- --offline <export.json> [--public-key <pem file>]]';

export function parseVerifyArgs(argv: string[]): VerifyRequest {
  if (argv.length === 0) return { mode: 'online' };
  const valueOf = (flag: string) => {
    const at = argv.indexOf(flag);
    if (at < 0) return undefined;
    const value = argv[at + 1];
    if (!value || value.startsWith('--')) throw new Error(`${flag} needs a file; ${USAGE}`);
    return value;
  };
  const known = new Set(['--offline', '--public-key']);
  const unknown = argv.filter((a) => a.startsWith('--') && !known.has(a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}; ${USAGE}`);
  const exportFile = valueOf('--offline');
  if (!exportFile) throw new Error(USAGE);
  const publicKeyFile = valueOf('--public-key');
  const used = 2 + (publicKeyFile ? 2 : 0);
  if (argv.length !== used) throw new Error(`unexpected arguments; ${USAGE}`);
  return publicKeyFile
    ? { mode: 'offline', exportFile, publicKeyFile }
    : { mode: 'offline', exportFile };
}
