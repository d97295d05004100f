import { Injectable, Logger } from '@nestjs/common';
import { storableText } from '@v2v/contracts';
import { Clock } from '@v2v/service-kit';
import { AccessRefusalRepository } from './access-refusal.repository';
import { donorCodeInPath } from './donor-code-in-path';

export interface AccessRefusal {
  username?: string;
  role?: string;
  method: string;
  path: string;
  /** The HTTP status the refusal was answered with. */
  status: number;
  reason: string;
  /** The refusal code answered (the rule ID where a rule refused). */
  code?: string;
}

/**
 * CSV-03: every refused access is logged and kept in the gateway's schema, with the donor
 * code of the journey its path names, so a journey's refusals can be read together.
 */
@Injectable()
export class AccessRefusalLog {
  private readonly logger = new Logger('AccessRefused');

  constructor(
    private readonly refusals: AccessRefusalRepository,
    private readonly clock: Clock,
  ) {}

  async record(refusal: AccessRefusal): Promise<void> {
    const donorCode = donorCodeInPath(refusal.path);
    this.logger.warn(
      { ...refusal, donorCode, at: this.clock.now().toISOString() },
      'access refused',
    );
    // A refusal's reason may quote what was sent, NUL characters included (TRC-02's codes).
    await this.refusals.insert({
      username: refusal.username === undefined ? null : storableText(refusal.username),
      role: refusal.role ?? null,
      method: refusal.method,
      path: storableText(refusal.path),
      status: refusal.status,
      reason: storableText(refusal.reason),
      code: refusal.code ?? null,
      donorCode,
    });
  }
}
