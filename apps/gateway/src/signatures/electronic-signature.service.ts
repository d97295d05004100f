import { Injectable } from '@nestjs/common';
import { DomainError, ElectronicSignature } from '@v2v/contracts';
import { sealSignature, signatureOf, SignedContent } from '@v2v/signatures';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { PasswordAttemptThrottle } from '../auth/password-attempts/password-attempt-throttle.service';
import { PasswordHasher } from '../auth/password-hasher';
import { UserRepository } from '../auth/user.repository';
import { GatewayConfig } from '../config/gateway-config';
import { AccessRefusalLog } from '../refusals/access-refusal.log';
import { RecordedRefusal } from '../refusals/recorded-refusal';

export interface SignedDecision<T> {
  user: AuthenticatedUser;
  /** The signer's password, re-entered now. */
  password: string;
  path: string;
  content: SignedContent;
  /** Asks the owning service whether it would accept the decision; nothing is signed otherwise. */
  precheck?: () => Promise<unknown>;
  /** Sends the decision with its signature to the owning service, which checks and records both. */
  record: (signature: ElectronicSignature) => Promise<T>;
}

/**
 * The one way a decision is signed (CSV-02, PER-03): pre-check with the owning service, the
 * signer's password re-entered now (a valid session is not enough), a signature sealed with
 * the gateway's Ed25519 key and bound to the signer, meaning, record and content, then the
 * decision sent with it. The gateway keeps no signature of its own: the owning service
 * verifies the seal and records signature and decision in one transaction, so a refused
 * decision leaves no signature behind and a forged one is refused where it would be written.
 * PER-03 is also enforced by the endpoint's guard.
 */
@Injectable()
export class ElectronicSignatureService {
  constructor(
    /** Its seal key is read at boot: a gateway without a valid key does not start. */
    private readonly config: GatewayConfig,
    private readonly users: UserRepository,
    private readonly refusals: AccessRefusalLog,
    private readonly attempts: PasswordAttemptThrottle,
    private readonly hasher: PasswordHasher,
  ) {}

  async decide<T>(decision: SignedDecision<T>): Promise<T> {
    await decision.precheck?.();
    await this.assertSigner(decision.user, decision.password, decision.path);
    const signature = signatureOf(decision.content, actorOf(decision.user));
    return decision.record(sealSignature(signature, this.config.signatureSealKey));
  }

  /**
   * CSV-02: the signer's password, re-entered now; a mismatch is refused and logged. Entries
   * count towards the account's lockout like logins (CSV-03), so a session cannot be used to
   * guess its owner's password.
   */
  private async assertSigner(
    user: AuthenticatedUser,
    password: string,
    path: string,
  ): Promise<void> {
    const account = await this.users.findByUsername(user.username);
    const verdict = await this.attempts.verify({
      username: user.username,
      context: 'signature',
      check: () => this.hasher.matches(password, account?.passwordHash),
    });
    if (verdict.outcome === 'accepted') return;
    const locked = verdict.outcome === 'locked';
    await this.refusals.record({
      username: user.username,
      role: user.role,
      method: 'POST',
      path,
      status: 403,
      reason: locked
        ? 'signature: password entry locked after repeated failures'
        : 'signature: re-entered credentials do not match',
      code: 'CSV-02',
    });
    throw new RecordedRefusal(
      new DomainError(
        'CSV-02',
        locked
          ? `the signature was refused: too many wrong passwords; try again in ${verdict.retryAfterSeconds} s (CSV-02)`
          : 'the signature was refused: the re-entered credentials do not match the signer (CSV-02)',
        locked ? { retryAfterSeconds: verdict.retryAfterSeconds } : {},
      ),
    );
  }
}
