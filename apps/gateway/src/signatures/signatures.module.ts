import { Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { SharedModule } from '../shared/shared.module';
import { ElectronicSignatureService } from './electronic-signature.service';
import { LegacySignatureRepository } from './legacy-signature.repository';
import { SignatureRegistry } from './signature-registry.service';
import { SignaturesController } from './signatures.controller';

/**
 * Electronic signatures (CSV-02): the one way a decision is signed (ElectronicSignatureService,
 * imported by every feature with a signed decision) and a journey's signatures with validity.
 */
@Module({
  imports: [SharedModule, AccountsModule],
  controllers: [SignaturesController],
  providers: [ElectronicSignatureService, SignatureRegistry, LegacySignatureRepository],
  exports: [ElectronicSignatureService, SignatureRegistry],
})
export class SignaturesModule {}
