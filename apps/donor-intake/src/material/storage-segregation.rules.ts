import { DomainError } from '@v2v/contracts';

export interface StorageUnit {
  id: string;
  description: string;
  segregation: 'general' | 'positive-dedicated';
}

/**
 * FAC-03 / DON-05: material positive for an infectious marker goes only into a storage unit
 * dedicated and labelled for it, and nothing else goes into such a unit.
 */
export function assertSegregatedStorage(
  unit: StorageUnit | undefined,
  unitId: string,
  knownPositiveMarkers: string[],
): StorageUnit {
  if (!unit)
    throw new DomainError(
      'FAC-03',
      `storage unit ${unitId} is not a registered storage unit (FAC-03)`,
    );
  const positive = knownPositiveMarkers.length > 0;
  if (positive && unit.segregation !== 'positive-dedicated') {
    throw new DomainError(
      'FAC-03',
      `material positive for ${knownPositiveMarkers.join(', ')} may only be stored in a dedicated, labelled unit; ${unit.id} is a general unit (FAC-03)`,
      { storageUnitId: unit.id, knownPositiveMarkers },
    );
  }
  if (!positive && unit.segregation === 'positive-dedicated') {
    throw new DomainError(
      'FAC-03',
      `${unit.id} is dedicated to known-positive material; this unit is not positive (FAC-03)`,
      { storageUnitId: unit.id },
    );
  }
  return unit;
}
