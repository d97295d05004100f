import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  DomainError,
  JOURNEY_STEP_RECORDS,
  JourneyStep,
  patientReference,
  StepOwningService,
  TimelineEntry,
} from '@v2v/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { GmpService, GmpServicesClient } from '../internal/gmp-services.client';
import { TraceabilityClient } from '../internal/traceability.client';
import { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';
import { ConcealedRefusal } from '../refusals/concealed-refusal';
import { journeyAccessRefusal } from '../tenancy/tenancy-rules';
import type { FhirResource } from './fhir-identifiers';
import type { FhirJourney } from './fhir-journey';
import {
  biologicallyDerivedProductOf,
  infusionProcedureOf,
  patientOf,
  serviceRequestOf,
  specimenOf,
} from './fhir-resources';
import { HOSPITAL_STAGES, HospitalTaskSource, hospitalTasksOf } from './fhir-tasks';

/** The donor register's entry as the FHIR resources need it; anything else fails closed. */
const registerEntrySchema = z.object({ patientReference, institutionId: z.string().min(1) });
const collection = z.object({ collectedAt: z.string(), volumeMl: z.number(), bagLot: z.string() });
const receipt = z.object({ receivedAt: z.string() });
const infusion = z.object({ infusedAt: z.string() });
const patientJourneys = z.object({ journeys: z.array(z.object({ donorCode: z.string() })) });

const SERVICE_OF: Record<StepOwningService, GmpService> = {
  'donor-intake': 'donorIntake',
  production: 'production',
  release: 'release',
};

/**
 * TRC-04: what the FHIR resources are read from: the donor register (the record of truth for
 * patient and institution), the journey (Temporal), the step records of its latest collection
 * cycle and, for a patient's journeys, the traceability ledger. Donor codes given here passed
 * the tenancy guard; patient references and institutions are scoped here, the same way.
 */
@Injectable()
export class FhirService {
  constructor(
    private readonly journeys: JourneyWorkflowRepository,
    private readonly donorIntake: DonorIntakeClient,
    private readonly services: GmpServicesClient,
    private readonly traceability: TraceabilityClient,
  ) {}

  async serviceRequest(donorCode: string): Promise<FhirResource> {
    return serviceRequestOf(await this.journey(donorCode));
  }

  /** The latest unit collected for the journey; none before the collection. */
  async specimen(donorCode: string): Promise<FhirResource> {
    const journey = await this.journey(donorCode);
    if (!journey.collection) throw notRecordedYet('Specimen', donorCode);
    return specimenOf({ ...journey, collection: journey.collection });
  }

  /** The batch made for the journey; none before production started. */
  async product(donorCode: string): Promise<FhirResource> {
    const journey = await this.journey(donorCode);
    if (!journey.batchNumber) throw notRecordedYet('BiologicallyDerivedProduct', donorCode);
    return biologicallyDerivedProductOf({ ...journey, batchNumber: journey.batchNumber });
  }

  async infusion(donorCode: string): Promise<FhirResource> {
    const journey = await this.journey(donorCode);
    if (!journey.infusion) throw notRecordedYet('Procedure', donorCode);
    return infusionProcedureOf({ ...journey, infusion: journey.infusion });
  }

  /** The orders of a patient's journeys `user` may see (none: an empty search). */
  async serviceRequestsOfPatient(user: AuthenticatedUser, reference: string) {
    const codes = await this.donorCodesOfPatient(user, reference);
    const orders = await Promise.all(
      codes.map((code) =>
        // A journey whose workflow is gone (its records deleted after retention) has no order.
        this.serviceRequest(code).catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
          throw error;
        }),
      ),
    );
    return orders.filter((order): order is FhirResource => order !== undefined);
  }

  /** The patient, if `user` may see one of its journeys; else 404 as an unknown one. */
  async patient(user: AuthenticatedUser, reference: string): Promise<FhirResource> {
    if ((await this.donorCodesOfPatient(user, reference)).length > 0) return patientOf(reference);
    throw new ConcealedRefusal(
      'NOT_FOUND',
      `no Patient ${reference}`,
      `no journey of patient ${reference} is open to ${user.username}`,
    );
  }

  async hospitalTasks(user: AuthenticatedUser, owner: string): Promise<FhirResource[]> {
    return hospitalTasksOf(await this.hospitalTaskSources(user, owner));
  }

  /** One journey as its resources are built from; `donorCode` is canonical and open. */
  private async journey(donorCode: string): Promise<FhirJourney> {
    const [entry, { view, timeline }] = await Promise.all([
      this.registerEntry(donorCode),
      this.journeys.status(donorCode),
    ]);
    // A recollection starts a new cycle: the receipt counts only after the latest collection.
    const collected = lastIndexOf(timeline, 'recordCollection');
    const received = lastIndexOf(timeline, 'recordMaterialReceipt');
    const infused = lastIndexOf(timeline, 'recordInfusion');
    return {
      donorCode,
      patientReference: entry.patientReference,
      institutionId: entry.institutionId,
      productCode: view.productCode,
      stage: view.stage,
      orderedAt: timeline[0].at,
      ...(view.batchNumber ? { batchNumber: view.batchNumber } : {}),
      ...(collected >= 0
        ? { collection: await this.detail(timeline[collected], 'recordCollection', collection) }
        : {}),
      ...(received > collected && collected >= 0
        ? { receipt: await this.detail(timeline[received], 'recordMaterialReceipt', receipt) }
        : {}),
      ...(infused >= 0
        ? { infusion: await this.detail(timeline[infused], 'recordInfusion', infusion) }
        : {}),
    };
  }

  /**
   * The donor codes of a patient's journeys `user` may see: every one on the register for the
   * manufacturer's roles, its own institution's for a hospital user. None for a reference
   * nobody ordered for, exactly as for another institution's patient.
   */
  private async donorCodesOfPatient(user: AuthenticatedUser, reference: string): Promise<string[]> {
    if (!patientReference.safeParse(reference).success) {
      throw new DomainError('VALIDATION_FAILED', `'${reference}' is not a patient reference`);
    }
    const trace = await this.traceability.traceOfPatient(reference).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return { journeys: [] };
      throw error;
    });
    const parsed = patientJourneys.safeParse(trace);
    if (!parsed.success) {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        `the ledger's trace of ${reference} is unreadable`,
      );
    }
    const visible = await Promise.all(
      parsed.data.journeys.map(async ({ donorCode }) => {
        const entry = await this.registerEntryIfAny(donorCode);
        return entry && !journeyAccessRefusal(user, entry.institutionId) ? donorCode : undefined;
      }),
    );
    return visible.filter((code): code is string => code !== undefined);
  }

  /**
   * The journeys of `owner` waiting on a hospital step, for a hospital user only its own
   * institution (another's answers nothing, as an unknown one). The register decides: a
   * journey whose register entry names another institution is left out.
   */
  private async hospitalTaskSources(
    user: AuthenticatedUser,
    owner: string,
  ): Promise<HospitalTaskSource[]> {
    if (user.role === 'hospital' && owner !== user.institutionId) return [];
    // One visibility query per stage the hospital acts in, so no other journey is read.
    const listed = (
      await Promise.all(
        HOSPITAL_STAGES.map((stage) => this.journeys.list({ stage, institutionId: owner })),
      )
    ).flat();
    const sources = await Promise.all(
      listed.map(async ({ donorCode, stage, status }) => {
        if (!donorCode || !stage || status !== 'RUNNING') return undefined;
        const entry = await this.registerEntryIfAny(donorCode);
        if (entry?.institutionId !== owner) return undefined;
        return { ...entry, donorCode, stage } as HospitalTaskSource;
      }),
    );
    return sources.filter((source): source is HospitalTaskSource => source !== undefined);
  }

  /** The code's register entry, or none for a code taken off the register since. */
  private async registerEntryIfAny(donorCode: string) {
    return this.registerEntry(donorCode).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
  }

  private async registerEntry(donorCode: string) {
    const donor: unknown = await this.donorIntake.donor(donorCode);
    const parsed = registerEntrySchema.safeParse(donor);
    if (!parsed.success) {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        `the donor register answered no patient or institution for ${donorCode}`,
      );
    }
    return parsed.data;
  }

  private async detail<T>(entry: TimelineEntry, step: JourneyStep, schema: z.ZodType<T>) {
    const service = SERVICE_OF[JOURNEY_STEP_RECORDS[step].owner];
    const record = entry.eventId ? await this.services.stepRecord(service, entry.eventId) : {};
    const parsed = schema.safeParse((record as { detail?: unknown }).detail);
    if (!parsed.success) {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        `the ${step} record of event ${entry.eventId} does not read as one`,
      );
    }
    return parsed.data;
  }
}

/** A resource of an open journey that its steps have not made yet: 404 as an unknown id. */
function notRecordedYet(resourceType: string, donorCode: string): DomainError {
  return new DomainError('NOT_FOUND', `no ${resourceType} for donor code ${donorCode} yet`);
}

function lastIndexOf(timeline: TimelineEntry[], step: JourneyStep): number {
  return timeline.map((entry) => entry.step).lastIndexOf(step);
}
