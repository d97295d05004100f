import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublishSpecificationCommand, SIGNER_ROLE } from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import { ProductSpecificationRepository } from '../product-specification.repository';

/**
 * GEN-03, CSV-02, PER-03: QA publishes the next version of a product's specification, signed;
 * the signature, the version and its audit entry commit together.
 */
@Injectable()
export class PublishProductSpecificationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly specifications: ProductSpecificationRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(productCode: string, command: PublishSpecificationCommand) {
    const { content, publishedBy, signature } = command;
    return this.dataSource.transaction(async (manager) => {
      const subject = { recordType: 'product-specification', recordId: productCode };
      await this.signatures.record(manager, signature, {
        meaning: 'published',
        decidedBy: publishedBy,
        signerRole: SIGNER_ROLE,
        subject,
        contentHash: signedRecordHash({ ...subject, detail: content }),
      });
      return this.specifications.publish(manager, productCode, content, publishedBy, signature);
    });
  }
}
