import type { Rule } from 'eslint';
import type { CallExpression, Node } from 'estree';
import { isTestFile, projectPath } from './project-file';

export const RULE_NAME = 'no-sql-outside-repository';

/** Where SQL belongs: repositories, migrations and their factories, `*.sql.ts` text, tests. */
const SQL_HOMES = [/\.repository\.ts$/, /\.sql\.ts$/, /\.migration\.ts$/, /(^|\/)migrations\//];

/**
 * Upper case only: the repo writes SQL keywords in capitals, and prose ("select … from") is not
 * SQL.
 */
const SQL_SHAPES = [
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\bINSERT\s+INTO\b/,
  /\bUPDATE\b[\s\S]*\bSET\b/,
  /\bDELETE\s+FROM\b/,
];

const looksLikeSql = (text: string) => SQL_SHAPES.some((shape) => shape.test(text));

function isQueryCall(node: Node | null | undefined): node is CallExpression {
  return (
    node?.type === 'CallExpression' &&
    node.callee.type === 'MemberExpression' &&
    !node.callee.computed &&
    node.callee.property.type === 'Identifier' &&
    node.callee.property.name === 'query'
  );
}

/**
 * SQL is written in repositories (STYLE.md: `.repository.ts` is the only place with queries),
 * so a service, controller or activity cannot grow its own data access unnoticed.
 */
export const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'SQL text and `.query(` calls only in repositories, migrations and tests',
    },
    schema: [],
    messages: {
      sql: 'SQL belongs in a *.repository.ts (or a migration, or *.sql.ts): move this query there',
      query: '`.query(` belongs in a *.repository.ts (or a migration): move this call there',
    },
  },
  create(context) {
    const file = projectPath(context);
    if (isTestFile(file) || SQL_HOMES.some((home) => home.test(file))) return {};
    // A query call is reported once, not again for the SQL text it is given.
    const reportText = (node: Node & Rule.NodeParentExtension, text: string) => {
      if (looksLikeSql(text) && !isQueryCall(node.parent))
        context.report({ node, messageId: 'sql' });
    };
    return {
      CallExpression(node) {
        if (isQueryCall(node)) context.report({ node, messageId: 'query' });
      },
      Literal(node) {
        if (typeof node.value === 'string') reportText(node, node.value);
      },
      TemplateLiteral(node) {
        reportText(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' '));
      },
    };
  },
};
