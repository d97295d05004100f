import { parseBootstrapAdminArgs, passwordFromInput } from './bootstrap-admin-args';

describe('bootstrap-admin command line', () => {
  it('CSV-03 reads the username, the password file and --force', () => {
    expect(
      parseBootstrapAdminArgs([
        '--username',
        'admin.wang',
        '--password-file',
        '/run/pw',
        '--force',
      ]),
    ).toEqual({
      username: 'admin.wang',
      displayName: 'Administrator admin.wang',
      passwordFile: '/run/pw',
      force: true,
    });
  });

  it('CSV-03 reads the password from stdin and refuses to add an administrator unless forced', () => {
    expect(parseBootstrapAdminArgs(['--username', 'admin.wang'])).toMatchObject({
      passwordFile: undefined,
      force: false,
    });
  });

  it.each([
    [[], /--username is required/],
    [['--username'], /--username needs a value/],
    [['--username', '--force'], /--username needs a value/],
    [['--username', 'Admin Wang'], /lower-case letters/],
    [['--username', 'admin.wang', '--password', 'x'], /unknown argument --password/],
  ])('CSV-03 refuses the command line %j', (argv, error) => {
    expect(() => parseBootstrapAdminArgs(argv)).toThrow(error);
  });

  it('CSV-03 drops only the line break that ends the password', () => {
    expect(passwordFromInput('  amber tundra 41  \n')).toBe('  amber tundra 41  ');
    expect(passwordFromInput('amber-tundra-41\r\n')).toBe('amber-tundra-41');
  });
});
