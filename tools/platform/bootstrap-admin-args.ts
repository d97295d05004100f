export interface BootstrapAdminArgs {
  username: string;
  displayName: string;
  /** Where the password is read from; stdin when absent. */
  passwordFile?: string;
  /** Add an administrator although one exists (e.g. every administrator lost access). */
  force: boolean;
}

export const BOOTSTRAP_USAGE =
  'usage: npm run bootstrap-admin -- --username <name> [--display-name <text>] [--password-file <path>] [--force]\n' +
  '  The password is read from --password-file, or else from stdin (piped, never typed: it would be echoed).';

/** The command line of `npm run bootstrap-admin`; throws with the usage on anything else. */
export function parseBootstrapAdminArgs(argv: string[]): BootstrapAdminArgs {
  const values: Record<string, string> = {};
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--force') {
      force = true;
      continue;
    }
    if (!['--username', '--display-name', '--password-file'].includes(flag))
      throw new Error(`unknown argument ${flag}\n${BOOTSTRAP_USAGE}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--'))
      throw new Error(`${flag} needs a value\n${BOOTSTRAP_USAGE}`);
    values[flag] = value;
  }
  const username = values['--username'];
  if (!username) throw new Error(`--username is required\n${BOOTSTRAP_USAGE}`);
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username))
    throw new Error(
      `--username: lower-case letters, digits, dot, underscore and hyphen; 3–64 characters`,
    );
  return {
    username,
    displayName: values['--display-name'] ?? `Administrator ${username}`,
    passwordFile: values['--password-file'],
    force,
  };
}

/** A password as read from a file or a pipe: the line break that ends it is not part of it. */
export const passwordFromInput = (text: string) => text.replace(/\r?\n$/, '');
