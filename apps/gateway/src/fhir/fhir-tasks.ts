import {
  fhirIdOfDonorCode,
  JOURNEY_STAGES,
  JOURNEY_STEPS,
  JourneyStage,
  JourneyStep,
} from '@v2v/contracts';
import { STEP_ROUTES } from '../journeys/step-routes';
import {
  FHIR_SYSTEMS,
  FhirResource,
  institutionReference,
  patientReferenceTo,
  serviceRequestReference,
} from './fhir-identifiers';

/** A journey awaiting the hospital, as the Task search reads it (visibility and register). */
export interface HospitalTaskSource {
  donorCode: string;
  patientReference: string;
  institutionId: string;
  stage: JourneyStage;
}

/**
 * TRC-04: the steps the hospital takes next on a journey in `stage`: the steps of the hospital
 * role (step-routes.ts) that move the journey on from it (screening, collection, hand-over,
 * receipt at site, infusion, the follow-up's close). A step that keeps the journey where it
 * is (the storage record between collection and hand-over) is no pending step.
 */
export function pendingHospitalSteps(stage: JourneyStage): JourneyStep[] {
  return (Object.keys(JOURNEY_STEPS) as JourneyStep[]).filter((step) => {
    const transition: { from: readonly JourneyStage[]; to: JourneyStage } = JOURNEY_STEPS[step];
    return (
      STEP_ROUTES[step].roles.includes('hospital') &&
      transition.from.includes(stage) &&
      transition.to !== stage
    );
  });
}

/** The stages in which the hospital has a step to take. */
export const HOSPITAL_STAGES: readonly JourneyStage[] = JOURNEY_STAGES.filter(
  (stage) => pendingHospitalSteps(stage).length > 0,
);

/** TRC-04: one pending step as a requested Task owned by the institution. */
export function hospitalTaskOf(source: HospitalTaskSource, step: JourneyStep): FhirResource {
  const { route, summary } = STEP_ROUTES[step];
  return {
    resourceType: 'Task',
    id: `${fhirIdOfDonorCode(source.donorCode)}-${route}`,
    basedOn: [serviceRequestReference(source.donorCode)],
    status: 'requested',
    businessStatus: { coding: [{ system: FHIR_SYSTEMS.journeyStage, code: source.stage }] },
    intent: 'order',
    code: { coding: [{ system: FHIR_SYSTEMS.journeyStep, code: step }], text: route },
    description: summary,
    focus: serviceRequestReference(source.donorCode),
    for: patientReferenceTo(source.patientReference),
    owner: institutionReference(source.institutionId),
  };
}

/** Every pending hospital Task of the journeys given. */
export function hospitalTasksOf(sources: HospitalTaskSource[]): FhirResource[] {
  return sources.flatMap((source) =>
    pendingHospitalSteps(source.stage).map((step) => hospitalTaskOf(source, step)),
  );
}
