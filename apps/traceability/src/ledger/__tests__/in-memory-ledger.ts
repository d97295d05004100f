import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { ChainHead } from '@v2v/integrity';
import { emptyChainHead, nextLedgerEntry } from '../ledger-entry';
import { DonorPatientLink, LedgerRepository, StoredLedgerEntry } from '../ledger.repository';

const NO_MANAGER = {} as EntityManager;

/**
 * The ledger's rows in memory, for unit tests of the use cases: appends go through the same
 * pure entry function as the repository; tests tamper with `entries` and `heads` directly.
 */
export class InMemoryLedger {
  readonly entries: StoredLedgerEntry[] = [];
  readonly heads = new Map<string, ChainHead>();
  readonly links: Array<DonorPatientLink & { linkedAt: number }> = [];

  async append(_manager: EntityManager, chainId: string, envelope: EventEnvelope): Promise<number> {
    const entry = nextLedgerEntry(this.heads.get(chainId) ?? emptyChainHead(chainId), envelope);
    this.entries.push({ ...entry, recordedAt: new Date().toISOString() });
    this.heads.set(chainId, { chainId, seq: entry.seq, entryHash: entry.entryHash });
    return entry.seq;
  }

  async link(_manager: EntityManager, link: DonorPatientLink): Promise<void> {
    if (!this.links.some((l) => l.donorCode === link.donorCode))
      this.links.push({ ...link, linkedAt: this.links.length });
  }

  private chainOf(chainId: string) {
    return this.entries.filter((e) => e.chainId === chainId).sort((a, b) => a.seq - b.seq);
  }

  asRepository(): LedgerRepository {
    const repository: Pick<LedgerRepository, keyof LedgerRepository> = {
      append: (m, c, e) => this.append(m, c, e),
      link: (m, l) => this.link(m, l),
      snapshot: (work) => work(NO_MANAGER),
      findLink: async (code) => {
        const found = this.links.find((l) => l.donorCode === code);
        return (
          found && {
            donorCode: found.donorCode,
            patientReference: found.patientReference,
            institutionId: found.institutionId,
            productCode: found.productCode,
          }
        );
      },
      donorCodesOfPatient: async (reference) =>
        this.links.filter((l) => l.patientReference === reference).map((l) => l.donorCode),
      chain: async (chainId) => this.chainOf(chainId),
      chainLinks: async (chainIds) => new Map(chainIds.map((id) => [id, this.chainOf(id)])),
      chainIds: async () =>
        [...new Set([...this.heads.keys(), ...this.entries.map((e) => e.chainId)])].sort(),
      head: async (_m, chainId) => this.heads.get(chainId),
      heads: async () => [...this.heads.values()].sort((a, b) => (a.chainId < b.chainId ? -1 : 1)),
    };
    return repository as LedgerRepository;
  }
}

export const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({
      facility: 'U0001',
      year: 2026,
      sequence: 1 + Math.floor(Math.random() * 999_998),
    }),
  );

/** A custody event envelope as the producing services write it. */
export function custodyEnvelope(
  donorCode: string,
  messageType: string,
  overrides: { occurredAt?: string; detail?: Record<string, unknown>; summary?: string } = {},
): EventEnvelope {
  return {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType,
    occurredAt: overrides.occurredAt ?? new Date().toISOString(),
    payload: {
      donorCode,
      journeyId: `journey-${donorCode}`,
      actor: { userId: 'u-1', role: 'hospital-staff' },
      recordId: randomUUID(),
      summary: overrides.summary ?? messageType,
      detail: overrides.detail ?? {},
    },
    metadata: { producer: 'unit-test' },
  };
}

export const registration = (donorCode: string, patientReference: string, occurredAt?: string) =>
  custodyEnvelope(donorCode, 'donor.registered.v1', {
    occurredAt,
    detail: { patientReference, institutionId: 'INST-001', productCode: 'CART-CD19' },
  });
