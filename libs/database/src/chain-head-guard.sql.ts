import { serviceDatabaseRole } from './database-config';

export interface ChainHeadTables {
  schema: string;
  /** The head table: `chain_id` (key), `seq`, `entry_hash`. */
  headTable: string;
  /** The chain's entries: `chain_id`, `seq`, `entry_hash`. */
  entryTable: string;
  functionName: string;
  /** The rule a refusal names (CSV-01 for the audit trail, TRC-01 for the ledger). */
  rule: string;
}

/**
 * Tamper evidence without holes: a chain's head only moves forward, to an entry of its chain
 * that exists, starts at the genesis (seq 0), and is never deleted or truncated, whoever asks.
 * An unchanged head may be written again (an append takes its row lock that way). The service
 * role also loses DELETE and TRUNCATE on the table. Only the schema owner, switching the
 * trigger off, can still rewrite a head; signed checkpoints outside the database catch that.
 */
export function chainHeadGuardSql(tables: ChainHeadTables, role = serviceDatabaseRole()): string[] {
  const { schema, headTable, entryTable, functionName, rule } = tables;
  const fn = `"${schema}"."${functionName}"()`;
  const head = `"${schema}"."${headTable}"`;
  return [
    `CREATE FUNCTION ${fn} RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'a chain head cannot be deleted: % on %.% is refused (${rule})', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW."seq" <> 0 THEN
            RAISE EXCEPTION 'chain % must start at its genesis, not at seq % (${rule})', NEW."chain_id", NEW."seq"
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        IF (NEW."chain_id", NEW."seq", NEW."entry_hash") = (OLD."chain_id", OLD."seq", OLD."entry_hash") THEN
          RETURN NEW;
        END IF;
        IF NEW."chain_id" <> OLD."chain_id" OR NEW."seq" <= OLD."seq" OR NOT EXISTS (
            SELECT 1 FROM "${schema}"."${entryTable}" e
             WHERE e."chain_id" = NEW."chain_id" AND e."seq" = NEW."seq" AND e."entry_hash" = NEW."entry_hash") THEN
          RAISE EXCEPTION 'the head of chain % may only move forward to an entry of its chain (% -> %) (${rule})',
            OLD."chain_id", OLD."seq", NEW."seq" USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`,
    `CREATE TRIGGER "TRG_${headTable}_forward_only" BEFORE INSERT OR UPDATE OR DELETE ON ${head}
      FOR EACH ROW EXECUTE FUNCTION ${fn}`,
    `CREATE TRIGGER "TRG_${headTable}_no_truncate" BEFORE TRUNCATE ON ${head}
      FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
    `DO $grants$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
        EXECUTE 'REVOKE DELETE, TRUNCATE ON ${head.replace(/'/g, "''")} FROM "${role}"';
      END IF;
    END $grants$`,
  ];
}

export function dropChainHeadGuardSql(tables: ChainHeadTables): string[] {
  const { schema, headTable, functionName } = tables;
  return [
    `DROP TRIGGER "TRG_${headTable}_no_truncate" ON "${schema}"."${headTable}"`,
    `DROP TRIGGER "TRG_${headTable}_forward_only" ON "${schema}"."${headTable}"`,
    `DROP FUNCTION "${schema}"."${functionName}"()`,
  ];
}
