import { DataSource } from 'typeorm';
import {
  DonorIntakeActivities,
  DomainError,
  StepActivityInput,
  verifyLabelScan,
} from '@v2v/contracts';
import { SignatureRecorder } from '@v2v/signatures';
import { assertInstitutionQualified } from '../institutions/institution-eligibility';
import { InstitutionRepository } from '../institutions/institution.repository';
import { evaluateDonorScreening } from './donor-screening.rules';
import { assertMaterialReleasable } from './material-release.rules';
import { MaterialRecords } from './material-records';
import { InspectionItem, inspectReceipt } from './receipt-inspection.rules';
import { assertSegregatedStorage } from './storage-segregation.rules';

type StepRecorder = ReturnType<typeof import('@v2v/messaging').stepRecorder>;
type Activities = Pick<
  DonorIntakeActivities,
  'recordDonorScreening' | 'recordMaterialReceipt' | 'releaseMaterial' | 'rejectMaterial'
>;

/** DON-05: the flag every package and record of known-positive material carries. */
export function positiveFlag(markers: string[]): string | undefined {
  return markers.length ? `KNOWN POSITIVE: ${markers.join(', ')} — keep apart (DON-05)` : undefined;
}

/**
 * The donor material's GMP checks as journey steps: screening (DON-01), receipt inspection
 * (DON-04, TRC-03, FAC-03), QA release (DON-06) and rejection with its disposition (MAT-04).
 * Rules are pure functions; these activities gather the facts and record the outcome.
 */
export function createDonorMaterialActivities(
  dataSource: DataSource,
  steps: StepRecorder,
  institutions: InstitutionRepository,
  signatures: SignatureRecorder,
): Activities {
  const institutionRefusal = async (input: StepActivityInput<unknown>) => {
    const institution = await institutions.findById(input.order.institutionId);
    try {
      assertInstitutionQualified(
        institution,
        input.order.institutionId,
        input.occurredAt.slice(0, 10),
      );
      return { name: institution.name };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { name: institution?.name ?? input.order.institutionId, refusal: error.message };
    }
  };

  return {
    recordDonorScreening: async (input) => {
      const { knownPositiveMarkers } = evaluateDonorScreening(
        input.specification.donorScreening,
        input.payload,
        input.occurredAt,
      );
      const flag = positiveFlag(knownPositiveMarkers);
      return steps.record(input, {
        recordType: 'donor-screening',
        messageType: 'donor.screened.v1',
        summary: flag
          ? `screening meets the product's standards; ${flag}`
          : "screening meets the product's standards; all markers negative",
        detail: {
          ...input.payload,
          knownPositiveMarkers,
          specificationVersion: input.specification.version,
        },
      });
    },

    recordMaterialReceipt: async (input) => {
      const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
      const records = new MaterialRecords(dataSource.manager, input.donorCode);
      const unit = assertSegregatedStorage(
        await records.storageUnit(input.payload.storageUnitId),
        input.payload.storageUnitId,
        input.knownPositiveMarkers,
      );
      const handOver = await records.latest<{ handedOverAt: string }>('transport-hand-over');
      const screening = await records.latest<{ results: Array<{ marker: string }> }>(
        'donor-screening',
        { anyCycle: true },
      );
      const inspection = inspectReceipt({
        specification: input.specification,
        institution: await institutionRefusal(input),
        collection: await records.latest('collection'),
        postCollectionStorage: await records.latest('post-collection-storage'),
        handOver,
        transportReadings: handOver
          ? await records.readings('transport-to-factory', handOver.handedOverAt)
          : [],
        transportDeviations: handOver
          ? await records.legDeviations('transport-to-factory', handOver.recordedAt)
          : [],
        screening: screening && { markers: screening.results.map((r) => r.marker) },
        receipt: input.payload,
      });
      const failed = inspection.items.filter((i) => !i.passed);
      const flag = positiveFlag(input.knownPositiveMarkers);
      const summary = failed.length
        ? `received, label verified; receipt inspection failed ${failed.map((i) => `${i.item} (${i.reason})`).join(', ')}; unit quarantined in ${unit.id}`
        : `received, label verified, receipt inspection passed; stored in ${unit.id}${flag ? `; ${flag}` : ''}`;
      return steps.record(input, {
        recordType: 'receipt',
        messageType: 'donor-material.received.v1',
        summary,
        detail: {
          ...input.payload,
          labelVerification,
          inspection: inspection.items,
          outcome: inspection.outcome,
          storageUnit: unit,
          knownPositiveMarkers: input.knownPositiveMarkers,
        },
      });
    },

    releaseMaterial: async (input) => {
      const records = new MaterialRecords(dataSource.manager, input.donorCode);
      const receipt = await records.latest<{ outcome: string; inspection: InspectionItem[] }>(
        'receipt',
      );
      const collection = await records.latest<{ collectedAt: string }>('collection');
      assertMaterialReleasable({
        specification: input.specification,
        institutionRefusal: (await institutionRefusal(input)).refusal,
        receipt: receipt && { outcome: receipt.outcome, items: receipt.inspection },
        collectedAt: collection?.collectedAt,
        releasedAt: input.occurredAt,
        openDeviations: await records.openDeviations(),
      });
      // A signed decision's record is exactly what was signed (CSV-02); the flag goes in the summary.
      const flag = positiveFlag(input.knownPositiveMarkers);
      return steps.record(
        input,
        {
          recordType: 'material-disposition',
          messageType: 'donor-material.released.v1',
          summary: `donor material evaluated and released to production (DON-06), signed by ${input.actor.userId}${flag ? `; ${flag}` : ''}`,
          detail: input.payload,
        },
        (manager) => signatures.recordForStep(manager, 'releaseMaterial', input),
      );
    },

    rejectMaterial: (input) =>
      steps.record(
        input,
        {
          recordType: 'material-disposition',
          messageType: 'donor-material.rejected.v1',
          summary: `donor material rejected, disposition ${input.payload.disposition} (MAT-04): ${input.payload.reason}${positiveFlag(input.knownPositiveMarkers) ? `; ${positiveFlag(input.knownPositiveMarkers)}` : ''}`,
          detail: input.payload,
        },
        (manager) => signatures.recordForStep(manager, 'rejectMaterial', input),
      ),
  };
}
