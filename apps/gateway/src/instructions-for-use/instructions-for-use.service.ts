import { Injectable } from '@nestjs/common';
import { DomainError, donorCodeInFileName, type ProductSpecification } from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { ProductionClient } from '../internal/production.client';
import { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';
import { instructionsForUsePdf } from './instructions-for-use.pdf';
import { ReleaseInstructionsForUseClient } from './release-instructions-for-use.client';

/**
 * The instructions for use at the edge (OTH-01): a journey's are read from what travelled with
 * its shipment (release's record), never from the specification as it stands now; a version's
 * from production. Each journey call asks the journey first, so a code whose workflow is gone
 * is answered as an unknown one (CSV-03). Donor codes given here are canonical.
 */
@Injectable()
export class InstructionsForUseService {
  constructor(
    private readonly release: ReleaseInstructionsForUseClient,
    private readonly production: ProductionClient,
    private readonly journeys: JourneyWorkflowRepository,
  ) {}

  async shipped(donorCode: string) {
    await this.journeys.stage(donorCode);
    return this.release.shipped(donorCode);
  }

  async journeyPdf(donorCode: string): Promise<{ filename: string; file: Buffer }> {
    const shipped = await this.shipped(donorCode);
    return {
      filename: `instructions-for-use-${donorCodeInFileName(donorCode)}.pdf`,
      file: await instructionsForUsePdf({
        ...shipped,
        shipment: { donorCode, shippedAt: shipped.shippedAt },
      }),
    };
  }

  /** `productCode` is checked (productCodeSchema); `version` a positive integer. */
  async specificationPdf(
    productCode: string,
    version: string,
  ): Promise<{ filename: string; file: Buffer }> {
    const specification = (await this.production.specification(
      productCode,
      version,
    )) as ProductSpecification;
    if (!specification.instructionsForUse)
      throw new DomainError(
        'NOT_FOUND',
        `specification ${productCode} v${version} has no instructions for use`,
      );
    return {
      filename: `instructions-for-use-${productCode}-v${version}.pdf`,
      file: await instructionsForUsePdf({
        productCode,
        specificationVersion: specification.version,
        instructions: specification.instructionsForUse,
      }),
    };
  }

  async acknowledge(donorCode: string, user: AuthenticatedUser) {
    await this.journeys.stage(donorCode);
    return this.release.acknowledge({
      donorCode,
      acknowledgedBy: actorOf(user),
      institutionId: user.institutionId,
    });
  }
}
