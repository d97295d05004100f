import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

/** ESLint's RuleTester on TypeScript source; under Jest it runs each case as an `it`. */
export const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});
