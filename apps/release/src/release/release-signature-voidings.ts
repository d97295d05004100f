import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignatureVoidings } from '@v2v/service-kit';
import { ReleaseVoidingRepository } from './release-voiding.repository';

/** CSV-02: the release signature of a voided release shows void, with the voiding's reason. */
@Injectable()
export class ReleaseSignatureVoidings extends SignatureVoidings {
  constructor(
    private readonly dataSource: DataSource,
    private readonly voidings: ReleaseVoidingRepository,
  ) {
    super();
  }

  async voidReason(step: string, eventId: string): Promise<string | undefined> {
    if (step !== 'releaseBatch') return undefined;
    return (await this.voidings.voidingOf(this.dataSource.manager, eventId))?.reason;
  }
}
