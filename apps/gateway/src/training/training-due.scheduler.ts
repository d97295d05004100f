import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { NotifyTrainingDueUseCase } from './usecases/notify-training-due.usecase';

const DAY_MS = 86_400_000;

/**
 * OTH-02: looks for training coming due at boot and then daily. A plain interval rather than a
 * cron library (none is installed) or a Temporal schedule: the run is idempotent and cheap, a
 * missed or doubled run only moves a notice by a day or repeats one the feed drops, and every
 * gateway instance may run it.
 */
@Injectable()
export class TrainingDueScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(private readonly notify: NotifyTrainingDueUseCase) {}

  onApplicationBootstrap(): void {
    void this.notify.executeLogged();
    this.timer = setInterval(() => void this.notify.executeLogged(), DAY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
