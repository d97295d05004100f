import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  CART_CD19_V1,
  type ProcessValidationDecision,
  processValidationSignedDetail,
} from '@v2v/contracts';
import {
  sealSignature,
  signatureOf,
  SignatureRecorder,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { DEMO_PROCESS_CART_CD19 } from '@v2v/testing';
import { FacilityRepository } from '../../facility/facility.repository';
import { ProcessRepository } from '../../processes/process.repository';
import { DecideProcessValidationUseCase } from '../../processes/usecases/decide-process-validation.usecase';
import { PublishProcessDefinitionUseCase } from '../../processes/usecases/publish-process-definition.usecase';

export const manager: Actor = { userId: 'it.manager', role: 'production-manager' };
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const tag = () => randomUUID().slice(0, 6).toUpperCase();

export interface Floor {
  productCode: string;
  areaCode: string;
  lineCodes: string[];
}

/**
 * Floors of the slot tests' own, through the services' role: an area with its lines and a
 * product whose process v1 (the demo process) runs on them only, validated when a worst case
 * is asked for. `retire` takes the lines made out of use at the end.
 */
export function slotFloors(dataSource: DataSource) {
  const processes = new ProcessRepository(dataSource);
  const publish = new PublishProcessDefinitionUseCase(
    dataSource,
    processes,
    new FacilityRepository(),
  );
  const decide = new DecideProcessValidationUseCase(
    dataSource,
    processes,
    new SignatureRecorder('production', signatureSealPublicKey()),
  );
  const linesMade: string[] = [];

  /** A cell-product area with its lines, and a product whose process v1 runs only on them. */
  async function floor(input: {
    lines: number;
    capacity: number;
    maxConcurrentLinesInArea?: number;
  }): Promise<Floor> {
    const t = tag();
    const areaCode = `IT-SLOT-${t}`;
    await dataSource.query(
      `INSERT INTO production.production_area (area_code, name, purpose, air_handling_system, pressure_regime, created_by)
       VALUES ($1, 'Slot test area', 'cell-product', $2, 'positive', 'it.manager')`,
      [areaCode, `AHU-IT-${t}`],
    );
    const lineCodes = Array.from({ length: input.lines }, (_, i) => `IT-L${i + 1}-${t}`);
    for (const lineCode of lineCodes) {
      await dataSource.query(
        `INSERT INTO production.production_line (line_code, area_code, name, batch_capacity, created_by)
         VALUES ($1, $2, 'Slot test line', $3, 'it.manager')`,
        [lineCode, areaCode, input.capacity],
      );
      linesMade.push(lineCode);
    }
    const productCode = `IT-SLOT-${t}`;
    await dataSource.query(
      `INSERT INTO production.product_specification (product_code, version, name, content, published_by)
       VALUES ($1, 1, $2, $3, 'it.qa')`,
      [productCode, CART_CD19_V1.name, JSON.stringify(CART_CD19_V1)],
    );
    await publish.execute(productCode, {
      specificationVersion: 1,
      content: { ...DEMO_PROCESS_CART_CD19, lineCodes, releaseTestingDays: 7 },
      eventId: randomUUID(),
      publishedBy: manager,
    });
    if (input.maxConcurrentLinesInArea !== undefined) {
      const decision: ProcessValidationDecision = {
        status: 'validated',
        worstCase: {
          maxConcurrentLinesInArea: input.maxConcurrentLinesInArea,
          maxConcurrentIsolatorsInRoom: 2,
          operators: 4,
        },
        reportReference: 'PV-IT-SLOTS',
      };
      const signature = sealSignature(
        signatureOf(
          {
            meaning: decision.status,
            recordType: 'process-validation',
            recordId: `${productCode}/v1`,
            detail: processValidationSignedDetail(productCode, 1, decision),
          },
          qa,
        ),
        signatureSealPrivateKey(),
      );
      await decide.execute(productCode, 1, {
        ...decision,
        eventId: randomUUID(),
        decidedBy: qa,
        signature,
      });
    }
    return { productCode, areaCode, lineCodes };
  }

  /**
   * A process without line codes (an older local demo definition) may run on any active line:
   * the test lines are taken out of use so that it never books them.
   */
  const retire = async () => {
    if (linesMade.length)
      await dataSource.query(
        `UPDATE production.production_line SET active = false WHERE line_code = ANY($1)`,
        [linesMade],
      );
  };
  return { floor, publish, retire };
}
