import path from 'node:path';
import type { Rule } from 'eslint';

/** The linted file's path from where ESLint runs (the root or a project), with forward slashes. */
export function projectPath(context: Rule.RuleContext): string {
  return path.relative(context.cwd, context.filename).split(path.sep).join('/');
}

/** Unit, workflow, integration and e2e tests, and support code under `test/` or `__tests__/`. */
export function isTestFile(file: string): boolean {
  return (
    /\.(spec|workflow-spec|integration-spec|e2e-spec)\.ts$/.test(file) ||
    /(^|\/)(test|__tests__)\//.test(file)
  );
}
