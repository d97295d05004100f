import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { PRODUCTION_SCHEMA } from '../production.data-source';
import { KeyMaterialConsumptionRepository } from './key-material-consumption.repository';
import { KeyMaterialRepository } from './key-material.repository';
import { KeyMaterialsController } from './key-materials.controller';
import { DecideKeyMaterialLotUseCase } from './usecases/decide-key-material-lot.usecase';
import { KeyMaterialGenealogyUseCase } from './usecases/key-material-genealogy.usecase';
import { ReceiveKeyMaterialLotUseCase } from './usecases/receive-key-material-lot.usecase';
import { RecordKeyMaterialConsumptionUseCase } from './usecases/record-key-material-consumption.usecase';
import { RegisterKeyMaterialUseCase } from './usecases/register-key-material.usecase';

/**
 * Key materials, their lots and consumptions (MAT-01, MAT-02, TRC-01); the data source is the
 * app's. The batch record records its steps' consumptions through the exported use case.
 */
@Module({
  controllers: [KeyMaterialsController],
  providers: [
    KeyMaterialRepository,
    KeyMaterialConsumptionRepository,
    RegisterKeyMaterialUseCase,
    ReceiveKeyMaterialLotUseCase,
    DecideKeyMaterialLotUseCase,
    RecordKeyMaterialConsumptionUseCase,
    KeyMaterialGenealogyUseCase,
    signatureRecorderProvider(PRODUCTION_SCHEMA),
  ],
  exports: [RecordKeyMaterialConsumptionUseCase],
})
export class KeyMaterialsModule {}
