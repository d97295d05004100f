import { Injectable } from '@nestjs/common';
import type { ProductSpecificationContent } from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { ProductionClient } from '../internal/production.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/** GEN-03, CSV-02: QA publishes the next version of a product specification, signed. */
@Injectable()
export class ProductSpecificationsService {
  constructor(
    private readonly production: ProductionClient,
    private readonly signatures: ElectronicSignatureService,
  ) {}

  /** `productCode` is checked (productCodeSchema). */
  publish(input: {
    productCode: string;
    content: ProductSpecificationContent;
    password: string;
    user: AuthenticatedUser;
    path: string;
  }) {
    return this.signatures.decide({
      user: input.user,
      password: input.password,
      path: input.path,
      content: {
        meaning: 'published',
        recordType: 'product-specification',
        recordId: input.productCode,
        detail: input.content,
      },
      record: (signature) =>
        this.production.publishSpecification(input.productCode, {
          content: input.content,
          publishedBy: actorOf(input.user),
          signature,
        }),
    });
  }
}
