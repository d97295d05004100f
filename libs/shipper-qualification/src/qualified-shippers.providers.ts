import { DataSource } from 'typeorm';
import type { ShipperCarries } from '@v2v/contracts';
import { SignatureRecorder } from '@v2v/signatures';
import { ShipperQualificationRegister } from './shipper-qualification.repository';

/** The register of a service that ships, bound to its schema and what it carries. */
export function qualifiedShipperProviders(schema: string, carries: ShipperCarries) {
  return [
    {
      provide: ShipperQualificationRegister,
      inject: [DataSource, SignatureRecorder],
      useFactory: (ds: DataSource, signatures: SignatureRecorder) =>
        new ShipperQualificationRegister(ds, schema, carries, signatures),
    },
  ];
}
