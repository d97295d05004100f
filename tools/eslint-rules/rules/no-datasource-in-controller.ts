import type { Rule } from 'eslint';
import { projectPath } from './project-file';

export const RULE_NAME = 'no-datasource-in-controller';

/** What gives a controller a database handle, by the module it comes from. */
const DATABASE_HANDLES: Record<string, string[]> = {
  typeorm: ['DataSource', 'EntityManager'],
  '@nestjs/typeorm': ['InjectDataSource', 'InjectEntityManager'],
};

/**
 * Controllers stay thin (decorators, then one call): a controller holding a data source grows
 * its own queries and transactions instead of calling a use case or repository.
 */
export const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'controllers may not import or inject DataSource or EntityManager' },
    schema: [],
    messages: {
      handle:
        'a controller may not use {{name}}: call a use case or repository that owns the data access',
    },
  },
  create(context) {
    if (!projectPath(context).endsWith('.controller.ts')) return {};
    return {
      ImportDeclaration(node) {
        const banned = DATABASE_HANDLES[String(node.source.value)];
        if (!banned) return;
        for (const specifier of node.specifiers) {
          const name =
            specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier'
              ? specifier.imported.name
              : undefined;
          if (name && banned.includes(name)) {
            context.report({ node: specifier, messageId: 'handle', data: { name } });
          }
        }
      },
    };
  },
};
