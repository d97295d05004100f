import { assembleDonorMaterialLabel, DonorMaterialLabelFacts } from './donor-material-label';

const facts = (change: Partial<DonorMaterialLabelFacts> = {}): DonorMaterialLabelFacts => ({
  donor: {
    donorCode: 'A99992600000100M',
    eyeReadable: '=A9999 26 000001 00 M',
    institutionId: 'INST-001',
    productCode: 'CART-CD19',
  },
  institution: { id: 'INST-001', name: 'First Affiliated Hospital' },
  collection: {
    collectedAt: '2026-12-01T08:00:00.000Z',
    volumeMl: 180,
    bagLot: 'BAG-2026-0042',
    collectionOperator: 'Nurse Li Na',
  },
  screening: { knownPositiveMarkers: [] },
  ...change,
});
const refusal = (f: DonorMaterialLabelFacts) => {
  try {
    assembleDonorMaterialLabel(f);
  } catch (error) {
    return error as { code: string; message: string; details: { missing: string[] } };
  }
  throw new Error('expected a refusal');
};

describe('donor material label content', () => {
  it('DON-04.4 TRC-03 carries the donor unique code, collection date and time, volume and institution name', () => {
    expect(assembleDonorMaterialLabel(facts())).toEqual({
      donorCode: 'A99992600000100M',
      eyeReadable: '=A9999 26 000001 00 M',
      productCode: 'CART-CD19',
      institution: { id: 'INST-001', name: 'First Affiliated Hospital' },
      collection: {
        collectedAt: '2026-12-01T08:00:00.000Z',
        volumeMl: 180,
        bagLot: 'BAG-2026-0042',
        collectionOperator: 'Nurse Li Na',
      },
      knownPositiveMarkers: [],
      biohazardWarning: null,
    });
  });

  it('DON-05 flags known-positive material with every positive marker', () => {
    const label = assembleDonorMaterialLabel(
      facts({ screening: { knownPositiveMarkers: ['HBV', 'syphilis'] } }),
    );
    expect(label.knownPositiveMarkers).toEqual(['HBV', 'syphilis']);
    expect(label.biohazardWarning).toBe('BIOHAZARD — KNOWN POSITIVE: HBV, syphilis (DON-05)');
  });

  it('prints only the collection fields, not the rest of the stored record', () => {
    const stored = {
      ...facts().collection!,
      recordedAt: '2026-12-01T08:05:00.000Z',
      knownPositiveMarkers: [],
    };
    expect(
      Object.keys(assembleDonorMaterialLabel(facts({ collection: stored })).collection),
    ).toEqual(['collectedAt', 'volumeMl', 'bagLot', 'collectionOperator']);
  });

  it('refuses a label before the current cycle has a collection, naming what is missing', () => {
    expect(refusal(facts({ collection: undefined }))).toMatchObject({
      code: 'LABEL_NOT_AVAILABLE',
      message: expect.stringContaining('collection record of the current collection cycle'),
      details: { missing: ['collection record of the current collection cycle'] },
    });
  });

  it('DON-05 refuses a label without the screening record rather than print one that may lack the biohazard flag', () => {
    expect(refusal(facts({ screening: undefined })).details.missing).toEqual([
      'donor screening record',
    ]);
  });

  it('refuses a label whose institution name cannot be found, and lists every missing record at once', () => {
    expect(
      refusal(facts({ institution: undefined, collection: undefined })).details.missing,
    ).toEqual(['collection record of the current collection cycle', 'institution record INST-001']);
  });
});
