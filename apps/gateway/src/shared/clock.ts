/** The time, as a port: services ask it instead of `new Date()`, so tests can fix it. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date in UTC, `YYYY-MM-DD`. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
