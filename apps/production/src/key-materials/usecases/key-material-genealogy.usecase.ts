import { Injectable } from '@nestjs/common';
import { DomainError, requireDonorCode } from '@v2v/contracts';
import { KeyMaterial, KeyMaterialConsumption, KeyMaterialLot } from '../key-material';
import {
  ConsumptionWithLot,
  KeyMaterialConsumptionRepository,
} from '../key-material-consumption.repository';
import { KeyMaterialRepository, publicLot } from '../key-material.repository';

export interface LotGenealogy {
  lot: KeyMaterialLot & { material: Pick<KeyMaterial, 'materialCode' | 'name' | 'category'> };
  /** Every batch (and its donor code) that consumed the lot, in time order. */
  consumptions: KeyMaterialConsumption[];
}

export interface JourneyMaterials {
  donorCode: string;
  /** The journey's latest batch. */
  batchNumber: string;
  batchStatus: string;
  /** Every batch of the donor code in start order (a failed batch and its re-make). */
  batches: Array<{ batchNumber: string; status: string }>;
  /** Each names the batch it was consumed by. */
  consumptions: ConsumptionWithLot[];
}

/**
 * TRC-01 for materials: forward from a lot to every batch and donor code it touched (the gateway
 * adds the patient), and backward from a journey's batches to every lot they consumed.
 */
@Injectable()
export class KeyMaterialGenealogyUseCase {
  constructor(
    private readonly materials: KeyMaterialRepository,
    private readonly consumptions: KeyMaterialConsumptionRepository,
  ) {}

  async ofLot(lotId: string): Promise<LotGenealogy> {
    const lot = await this.materials.findLot(lotId);
    if (!lot) throw new DomainError('NOT_FOUND', `no key-material lot ${lotId}`);
    // The foreign key guarantees a stored lot's material exists.
    const { materialCode, name, category } = (await this.materials.findMaterial(
      lot.materialCode,
    )) as KeyMaterial;
    return {
      lot: { ...publicLot(lot), material: { materialCode, name, category } },
      consumptions: await this.consumptions.ofLot(lotId),
    };
  }

  async ofJourney(rawDonorCode: string): Promise<JourneyMaterials> {
    const donorCode = requireDonorCode(rawDonorCode);
    const batches = await this.consumptions.batchesOf(donorCode);
    const latest = batches.at(-1);
    if (!latest)
      throw new DomainError(
        'NOT_FOUND',
        `no batch for donor code ${donorCode}: its production has not started`,
      );
    return {
      donorCode,
      batchNumber: latest.batchNumber,
      batchStatus: latest.status,
      batches: batches.map(({ batchNumber, status }) => ({ batchNumber, status })),
      consumptions: await this.consumptions.ofDonor(donorCode),
    };
  }
}
