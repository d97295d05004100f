import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import {
  type Actor,
  CART_CD19_V1,
  formatDonorCode,
  generateDonorUniqueCode,
  type ProductSpecification,
  type StepActivityInput,
  TOPICS,
} from '@v2v/contracts';
import { migrationDatabaseUrl } from '@v2v/database';
import { JourneyStepRecorder } from '@v2v/service-kit';
import { releaseDataSourceOptions } from '../release.data-source';

/** CART-CD19 v1 as a journey pins it. */
export const PINNED_SPECIFICATION: ProductSpecification = {
  productCode: 'CART-CD19',
  version: 1,
  ...CART_CD19_V1,
};

/**
 * The release service's integration-test context: its data source as the service role, the
 * schema owner's (to try what the owner may not do), and its step recorder.
 */
export async function openReleaseTestContext() {
  const dataSource = await new DataSource(releaseDataSourceOptions()).initialize();
  const owner = await new DataSource({
    ...releaseDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions).initialize();
  const steps = new JourneyStepRecorder(dataSource, {
    schema: 'release',
    producer: 'release',
    topic: TOPICS.release,
  });
  return {
    dataSource,
    owner,
    steps,
    async destroy() {
      await dataSource.destroy();
      await owner.destroy();
    },
  };
}

/** A fresh donor code (facility Z9999 marks test data). */
export const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({ facility: 'Z9999', year: 2026, sequence: randomInt(1, 999_999) }),
  );

/** What the journey sends the release service for one step of `donorCode`'s journey. */
export function stepInputOf<P>(
  donorCode: string,
  actor: Actor,
  payload: P,
  { repeat = 0, specification = PINNED_SPECIFICATION, patientReference = 'PAT-IT-1' } = {},
): StepActivityInput<P> {
  return {
    journeyId: `journey-${donorCode}`,
    donorCode,
    eventId: randomUUID(),
    occurrence: { cycle: 0, repeat },
    actor,
    occurredAt: new Date().toISOString(),
    order: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    specification,
    knownPositiveMarkers: [],
    payload,
  };
}
