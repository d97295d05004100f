import { Injectable } from '@nestjs/common';
import { type BedsideVerification, requireTwoBedsideClinicians } from '@v2v/contracts';
import { Clock } from '@v2v/service-kit';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UserRepository } from '../auth/user.repository';
import { TrainingRepository } from '../training/training.repository';
import { requireSecondClinician } from './bedside-check.rules';

/**
 * OTH-02 at the edge: the two bedside verifications of an infusion are by the recording user
 * and by another trained clinician of the same institution, checked against the accounts and
 * training records the gateway holds (the recording user's own training is the guard's).
 */
@Injectable()
export class BedsideCheckService {
  constructor(
    private readonly users: UserRepository,
    private readonly training: TrainingRepository,
    private readonly clock: Clock,
  ) {}

  async requireTwoClinicians(
    user: AuthenticatedUser,
    verifications: readonly BedsideVerification[],
  ): Promise<void> {
    requireTwoBedsideClinicians(user.username, verifications);
    const username = verifications[1].clinician;
    const account = await this.users.findByUsername(username);
    requireSecondClinician(
      user,
      {
        username,
        account: account && { ...account, disabled: account.disabledAt !== null },
      },
      account ? await this.training.recordsOf(username) : [],
      this.clock.today(),
    );
  }
}
