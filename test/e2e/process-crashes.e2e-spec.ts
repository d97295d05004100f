import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JourneyView } from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  happyPathSteps,
  pollUntil,
  type ScriptedStep,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';
import { pidFile } from '../../tools/platform/platform-processes';
import { api, newOrder } from './support/journeys';

/**
 * CSV-01, GEN-02: a process killed with SIGKILL in the middle of a step loses nothing and
 * doubles nothing. The platform's launcher starts a killed process again (as a service manager
 * would); the journey's activity retries until the owning service is back, and the client
 * retrying with the same Idempotency-Key gets the one step, recorded once in the ledger.
 */
const pidOf = (name: string) => Number(readFileSync(pidFile(name), 'utf8').trim());

function killHard(name: string): number {
  const pid = pidOf(name);
  process.kill(pid, 'SIGKILL');
  return pid;
}

/** Until the launcher has started `name` again and it answers its health check. */
async function restarted(name: string, killedPid: number, port?: number) {
  await pollUntil(
    `${name} started again`,
    async () => {
      if (pidOf(name) === killedPid) return undefined;
      if (port === undefined) return true;
      const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      return res?.ok ? true : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 250 },
  );
}

/**
 * Sends a step as a client that does not give up: a dropped connection, a timeout or a 503
 * while a service restarts is retried with the same key and the same body (the script's
 * payloads are made when read: read once); any other answer is returned.
 */
async function stepUntilAnswered(donorCode: string, scripted: Sent, key: string) {
  return pollUntil(
    `an answer to ${scripted.step}`,
    async () => {
      const res = await api
        .step<JourneyView>(scripted.role, donorCode, scripted.step, scripted.payload, key)
        .catch(() => undefined);
      return res && res.status !== 503 && res.status < 500 ? res : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

/** A scripted step with its payload read once, so every retry sends the same request. */
type Sent = Pick<ScriptedStep, 'step' | 'role' | 'payload'>;
const sentOnce = ({ step, role, payload }: ScriptedStep): Sent => ({ step, role, payload });

/** How often `messageType` is on the donor's ledger, once the ledger's consumer has it at all. */
function ledgerCount(donorCode: string, messageType: string) {
  return pollUntil(
    `${messageType} of ${donorCode} on the ledger`,
    async () => {
      const res = await api.as<{ entries: Array<{ messageType: string }> }>(
        'ops',
        'GET',
        `/api/traces/donors/${donorCode}`,
      );
      const count =
        res.status === 200
          ? res.body.entries.filter((e) => e.messageType === messageType).length
          : 0;
      return count > 0 ? count : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

describe('processes killed with SIGKILL in the middle of a journey (CSV-01, GEN-02)', () => {
  it('CSV-01 the release service killed while it records the receipt at site: one receipt, once in the ledger', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'receiveAtSite')) {
      const res = await api.run(order.donorCode, scripted);
      expect({ step: scripted.step, status: res.status }).toEqual({
        step: scripted.step,
        status: 200,
      });
    }

    const key = randomUUID();
    const receipt = sentOnce(scriptedStep(steps, 'receiveAtSite'));
    const first = api
      .step<JourneyView>(receipt.role, order.donorCode, 'receiveAtSite', receipt.payload, key)
      .catch((error: Error) => ({ status: 0, body: error.message }));
    // The step is on its way: through the gateway into the journey and its activity.
    await new Promise((r) => setTimeout(r, 150));
    const killed = killHard('release');
    await first;
    await restarted('release', killed, SERVICE_PORTS.release);

    const answered = await stepUntilAnswered(order.donorCode, receipt, key);
    expect({ status: answered.status, stage: answered.body.stage }).toEqual({
      status: 200,
      stage: 'received-at-site',
    });
    const again = await stepUntilAnswered(order.donorCode, receipt, key);
    expect(again.body).toEqual(answered.body);
    const entries = await pollUntil('the receipt in the ledger', async () => {
      const n = await ledgerCount(order.donorCode, 'product.received-at-site.v1');
      return n > 0 ? n : undefined;
    });
    expect(entries).toBe(1);
  });

  it('GEN-02 the journey worker killed between two steps: the journey goes on where it was', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'scheduleCollection')) {
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    }
    const killed = killHard('journey-worker');
    await restarted('journey-worker', killed);

    const scheduling = sentOnce(scriptedStep(steps, 'scheduleCollection'));
    const scheduled = await stepUntilAnswered(order.donorCode, scheduling, randomUUID());
    expect({ status: scheduled.status, stage: scheduled.body.stage }).toEqual({
      status: 200,
      stage: 'collection-scheduled',
    });
    // The screening before the kill is there once: the restarted worker replayed it, it did not
    // run it again.
    expect(await ledgerCount(order.donorCode, 'donor.screened.v1')).toBe(1);
  });
});
