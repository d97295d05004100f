import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventEnvelope } from '@v2v/contracts';

/** A custody event of one journey step, as a producer would publish it. */
export function envelopeOf(donorCode: string, step: number): EventEnvelope {
  return {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType: 'collection.scheduled.v1',
    occurredAt: new Date().toISOString(),
    payload: {
      donorCode,
      journeyId: `journey-${donorCode}`,
      actor: { userId: 'it', role: 'ops' },
      recordId: randomUUID(),
      summary: `step ${step}`,
      detail: { step },
    },
    metadata: { producer: 'integration-test' },
  };
}

/** A tamperer with the schema owner's rights: switches the trigger off for one statement. */
export async function asTamperer(owner: DataSource, sql: string, parameters: unknown[]) {
  await owner.transaction(async (manager) => {
    await manager.query(
      `ALTER TABLE traceability.ledger_entry DISABLE TRIGGER "TRG_ledger_entry_append_only"`,
    );
    await manager.query(sql, parameters);
    await manager.query(
      `ALTER TABLE traceability.ledger_entry ENABLE TRIGGER "TRG_ledger_entry_append_only"`,
    );
  });
}

/** Edits an entry's stored canonical content in place, as the owner could. */
export async function editContent(
  owner: DataSource,
  donorCode: string,
  seq: number,
  edit: (text: string) => string,
) {
  const [row] = await owner.query(
    `SELECT canonical_content FROM traceability.ledger_entry WHERE chain_id = $1 AND seq = $2`,
    [donorCode, seq],
  );
  await asTamperer(
    owner,
    `UPDATE traceability.ledger_entry SET canonical_content = $3 WHERE chain_id = $1 AND seq = $2`,
    [donorCode, seq, edit(row.canonical_content)],
  );
}
