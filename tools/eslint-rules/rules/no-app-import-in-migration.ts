import type { Rule } from 'eslint';
import type { Node } from 'estree';
import { projectPath } from './project-file';

export const RULE_NAME = 'no-app-import-in-migration';

interface Options {
  /** Further packages a migration may use (e.g. a hashing library for seeded rows). */
  allow?: string[];
}

const isSibling = (source: string) => source.startsWith('./') && !source.includes('..');

/**
 * A migration is history: it must run the same way next year. App code changes with the
 * app, so a migration may import only TypeORM, the shared `@v2v/*` libs (shared table shapes)
 * and its sibling migrations; an app package reached as `@v2v/<app>` is refused by the Nx
 * boundaries already.
 */
export const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'migrations import only typeorm and @v2v/* libs, never app code' },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      appImport:
        "a migration may import only 'typeorm' and @v2v/* libs, not '{{source}}': put what it needs in the migration or in a lib",
    },
  },
  create(context) {
    if (!/(^|\/)migrations\//.test(projectPath(context))) return {};
    const { allow = [] } = (context.options[0] ?? {}) as Options;
    const allowed = (source: string) =>
      source === 'typeorm' ||
      source.startsWith('typeorm/') ||
      source.startsWith('@v2v/') ||
      allow.includes(source) ||
      isSibling(source);
    const check = (node: Node, source: unknown) => {
      if (typeof source === 'string' && !allowed(source)) {
        context.report({ node, messageId: 'appImport', data: { source } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
