import { DomainError, type DonorMaterialLabel } from '@v2v/contracts';
import type { Donor } from '../donors/donor.repository';
import type { Institution } from '../institutions/institution.repository';

export interface DonorMaterialLabelFacts {
  donor: Pick<Donor, 'donorCode' | 'eyeReadable' | 'institutionId' | 'productCode'>;
  institution?: Pick<Institution, 'id' | 'name'>;
  /** The collection of the current cycle: a recollection gets the label of its own unit. */
  collection?: DonorMaterialLabel['collection'];
  screening?: { knownPositiveMarkers: string[] };
}

/**
 * The label of the donor's current unit. A label is refused rather than printed incomplete:
 * without the collection there is nothing to label, and without the screening record the
 * label could omit a DON-05 biohazard warning.
 */
export function assembleDonorMaterialLabel(facts: DonorMaterialLabelFacts): DonorMaterialLabel {
  const { donor, institution, collection, screening } = facts;
  const missing = [
    ...(collection ? [] : ['collection record of the current collection cycle']),
    ...(screening ? [] : ['donor screening record']),
    ...(institution ? [] : [`institution record ${donor.institutionId}`]),
  ];
  if (!collection || !screening || !institution) {
    throw new DomainError(
      'LABEL_NOT_AVAILABLE',
      `no label for donor code ${donor.donorCode} yet: missing ${missing.join(', ')}`,
      { missing },
    );
  }
  const markers = screening.knownPositiveMarkers;
  return {
    donorCode: donor.donorCode,
    eyeReadable: donor.eyeReadable,
    productCode: donor.productCode,
    institution: { id: institution.id, name: institution.name },
    collection: {
      collectedAt: collection.collectedAt,
      volumeMl: collection.volumeMl,
      bagLot: collection.bagLot,
      collectionOperator: collection.collectionOperator,
    },
    knownPositiveMarkers: markers,
    biohazardWarning: markers.length
      ? `BIOHAZARD — KNOWN POSITIVE: ${markers.join(', ')} (DON-05)`
      : null,
  };
}
