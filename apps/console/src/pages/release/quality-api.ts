import type {
  OosLaboratoryConclusion,
  OosOutcomeRequest,
  OosProcessConclusion,
} from '@v2v/contracts';
import { api, idempotencyKey, outcome } from '../../api/client';
import type {
  OosInvestigationView,
  QcResultsEntry,
  QcResultsView,
  ReleaseGateStanding,
} from './release';

/*
 * Issue 12's QC and release routes, not yet in the generated client (gateway-api.ts is
 * regenerated from the gateway's OpenAPI later): called through the same client, so the
 * session's token and its expiry apply, with paths and bodies typed by libs/contracts.
 */
type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface Init {
  params: { path: Record<string, string>; header?: Record<string, string> };
  body?: unknown;
}
const untyped = api as unknown as {
  GET(path: string, init: Init): Answer;
  POST(path: string, init: Init): Answer;
};

const JOURNEY = '/api/journeys/{donorCode}';
const INVESTIGATION = `${JOURNEY}/oos-investigations/{investigationId}`;

export const releaseGates = (donorCode: string) =>
  outcome<ReleaseGateStanding>(
    untyped.GET(`${JOURNEY}/release-gates`, { params: { path: { donorCode } } }),
  );

export const qcResults = (donorCode: string) =>
  outcome<QcResultsView>(untyped.GET(`${JOURNEY}/qc-results`, { params: { path: { donorCode } } }));

export const oosInvestigations = (donorCode: string) =>
  outcome<OosInvestigationView[]>(
    untyped.GET(`${JOURNEY}/oos-investigations`, { params: { path: { donorCode } } }),
  );

/** What each phase of an investigation sends (the outcome carries its signature). */
export interface OosPhaseBodies {
  'laboratory-conclusion': OosLaboratoryConclusion;
  'process-conclusion': OosProcessConclusion;
  outcome: OosOutcomeRequest;
}

export const recordOosPhase = <P extends keyof OosPhaseBodies>(
  donorCode: string,
  investigationId: string,
  phase: P,
  body: OosPhaseBodies[P],
) =>
  outcome<OosInvestigationView>(
    untyped.POST(`${INVESTIGATION}/${phase}`, {
      params: {
        path: { donorCode, investigationId },
        header: { 'Idempotency-Key': idempotencyKey() },
      },
      body,
    }),
  );

/**
 * QC's raw results (the journey step recordQcResult): the generated client still has the
 * step's old body, so the path is called with the body libs/contracts declares.
 */
export const recordQcResults = (donorCode: string, body: QcResultsEntry) =>
  outcome<unknown>(
    untyped.POST(`${JOURNEY}/record-qc-result`, {
      params: { path: { donorCode }, header: { 'Idempotency-Key': idempotencyKey() } },
      body,
    }),
  );
