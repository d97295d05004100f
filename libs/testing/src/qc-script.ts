import { randomUUID } from 'node:crypto';
import type { OosInvestigationView } from '@v2v/contracts';
import { demoUserPassword } from './demo-credentials';
import type { GatewayClient, HttpResult } from './gateway-client';
import { qcResultsWithinSpecification } from './journey-script';

/** What happened at each phase, for a script that shows it (the demo). */
export type OosPhaseReport = (phase: string, result: HttpResult) => void;

/**
 * QC's results with one gating test out of specification, then what QC and QA do about it
 * (QA-02.1): the investigation the result opened, phase I with an assignable cause (a
 * laboratory error), the retest it orders, and QA's signed outcome `invalidated`, after which
 * the retest counts. Throws on any answer other than the expected one.
 */
export async function recordOosInvalidatedByRetest(
  api: GatewayClient,
  donorCode: string,
  input: { testCode: string; outOfSpecification: number; retest: number; report?: OosPhaseReport },
): Promise<OosInvestigationView> {
  const report = input.report ?? (() => undefined);
  const code = encodeURIComponent(donorCode);
  const testedAt = new Date(Date.now() - 60_000);
  const passing = qcResultsWithinSpecification(testedAt);
  const tested = passing.find((r) => r.testCode === input.testCode);
  if (!tested) throw new Error(`no scripted QC result for test ${input.testCode}`);
  const results = passing.map((r) =>
    r === tested ? { ...r, value: input.outOfSpecification } : r,
  );
  report(
    'QC results',
    expectStatus(200, await api.step('qc', donorCode, 'recordQcResult', { results })),
  );

  const opened = expectStatus(
    200,
    await api.as<OosInvestigationView[]>('qc', 'GET', `/api/journeys/${code}/oos-investigations`),
  );
  const investigation = opened.body.find((i) => i.testCode === input.testCode);
  if (!investigation) throw new Error(`no OOS investigation opened for ${input.testCode}`);
  const phase = (user: string, name: string, body: unknown) =>
    api.as<OosInvestigationView>(
      user,
      'POST',
      `/api/journeys/${code}/oos-investigations/${investigation.investigationId}/${name}`,
      { body, idempotencyKey: randomUUID() },
    );
  report(
    'phase I: laboratory investigation',
    expectStatus(
      201,
      await phase('qc', 'laboratory-conclusion', {
        assignableCause: true,
        findings: 'instrument calibration found expired on the day of the test; retest ordered',
      }),
    ),
  );
  report(
    'retest under the investigation',
    expectStatus(
      200,
      await api.step('qc', donorCode, 'recordQcResult', {
        results: [
          {
            ...tested,
            value: input.retest,
            sampleId: `${tested.sampleId}-R1`,
            testedAt: new Date().toISOString(),
            retestUnder: investigation.investigationId,
          },
        ],
      }),
    ),
  );
  const outcome = expectStatus(
    201,
    await phase('qa-qp', 'outcome', {
      outcome: 'invalidated',
      rationale: 'assignable laboratory cause confirmed; the retest within specification counts',
      signature: { password: demoUserPassword() },
    }),
  );
  report('QA outcome (signed)', outcome);
  return outcome.body;
}

function expectStatus<T>(status: number, result: HttpResult<T>): HttpResult<T> {
  if (result.status !== status)
    throw new Error(`expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  return result;
}
