const LOCAL = ['development', 'test'];

/**
 * Demo accounts with a published password may exist only on a developer's machine and in the
 * tests: anywhere else (NODE_ENV unset included) seeding them is refused.
 */
export function assertLocalEnvironment(env: NodeJS.ProcessEnv, what: string): void {
  if (!LOCAL.includes(env.NODE_ENV ?? ''))
    throw new Error(
      `${what} runs only with NODE_ENV=development or test (NODE_ENV=${env.NODE_ENV ?? '(unset)'}); a deployment bootstraps its administrator with npm run bootstrap-admin`,
    );
}
