import { custodyPicture, type DonorTrace, type TraceEntry } from './custody';

const DONOR = 'CN-110-2026-000042-7';
let seq = 0;
const entry = (messageType: TraceEntry['messageType'], summary: string): TraceEntry => {
  seq += 1;
  const at = new Date(Date.UTC(2026, 11, 1, 8, seq)).toISOString();
  return {
    seq,
    eventId: `event-${seq}`,
    messageType,
    occurredAt: at,
    recordedAt: at,
    producer: 'test',
    summary,
    entryHash: `hash-${seq}`,
  };
};
const trace = (entries: TraceEntry[]): DonorTrace => ({
  donorCode: DONOR,
  patientReference: 'PAT-0042',
  institutionId: 'INST-001',
  productCode: 'CART-CD19',
  entries,
});

describe('the chain of custody as a picture', () => {
  it('TRC-01 lays out donor, unit, batch and lots, product and patient with their times', () => {
    const entries = [
      entry('donor.registered.v1', 'donor registered at INST-001 for CART-CD19'),
      entry('donor-material.collected.v1', 'collected 250 mL by nurse-1, bag lot BAG-7'),
      entry('donor-material.released.v1', 'donor material evaluated and released'),
      entry('batch.started.v1', 'batch B2026-0007 started, donor material label verified'),
      entry(
        'key-material.consumed.v1',
        'batch B2026-0007 consumed 2 mL of key-material lot KML-1 (IL2-RH)',
      ),
      entry('batch.released.v1', 'batch B2026-0007 released, signed by qualified person qa-qp'),
      entry('product.shipped.v1', 'shipped with SF on shipper SHP-1'),
      entry('product.infused.v1', 'infused after bedside identity check'),
    ];
    const picture = custodyPicture(trace(entries));
    expect(picture.donor).toEqual({
      code: DONOR,
      at: entries[0].occurredAt,
      summary: entries[0].summary,
    });
    expect(picture.units).toEqual([
      { code: DONOR, at: entries[1].occurredAt, summary: entries[1].summary },
    ]);
    expect(picture.batches).toEqual([
      {
        code: 'B2026-0007',
        at: entries[3].occurredAt,
        summary: entries[3].summary,
        lots: [{ code: 'KML-1 · IL2-RH', at: entries[4].occurredAt, summary: entries[4].summary }],
      },
    ]);
    expect(picture.product).toMatchObject({ code: 'CART-CD19', at: entries[6].occurredAt });
    expect(picture.product.refused).toBe(false);
    expect(picture.patient).toEqual({
      code: 'PAT-0042',
      at: entries[7].occurredAt,
      summary: entries[7].summary,
    });
  });

  it('TRC-01 shows a rejected unit and batch beside the recollection and the next batch', () => {
    const picture = custodyPicture(
      trace([
        entry('donor-material.collected.v1', 'collected 240 mL'),
        entry('donor-material.rejected.v1', 'donor material rejected, disposition destroyed'),
        entry('donor-material.collected.v1', 'collected 260 mL'),
        entry('batch.started.v1', 'batch B1 started'),
        entry('batch.rejected-in-production.v1', 'batch rejected in production'),
        entry('batch.started.v1', 'batch B2 started'),
        entry('key-material.consumed.v1', 'batch B2 consumed 1 mL of key-material lot L2 (M)'),
      ]),
    );
    expect(picture.units.map((u) => [u.summary, u.refused])).toEqual([
      ['donor material rejected, disposition destroyed', true],
      ['collected 260 mL', undefined],
    ]);
    expect(picture.batches.map((b) => [b.code, b.refused, b.lots.map((l) => l.code)])).toEqual([
      ['B1', true, []],
      ['B2', undefined, ['L2 · M']],
    ]);
    // Nothing after production yet: the product and the patient have no time.
    expect(picture.product.at).toBeUndefined();
    expect(picture.patient.at).toBeUndefined();
  });

  it("TRC-01 names a batch by the journey's number when its start sentence does not", () => {
    const picture = custodyPicture(
      trace([entry('batch.started.v1', 'production started')]),
      'B2026-0009',
    );
    expect(picture.batches[0].code).toBe('B2026-0009');
  });

  it('TRC-01 marks the product of a voided release until it is released again', () => {
    const voided = custodyPicture(
      trace([
        entry('batch.started.v1', 'batch B3 started'),
        entry('batch.released.v1', 'batch B3 released'),
        entry('batch.release-voided.v1', 'release voided: temperature excursion'),
      ]),
    );
    expect(voided.product).toMatchObject({
      refused: true,
      summary: 'release voided: temperature excursion',
    });
  });
});
