import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  LabelPhotoContentType,
  RetentionExceptionKind,
  SamplePurpose,
  SampleSubject,
} from '@v2v/contracts';

const S = '"release"';

/** A sample on the register (QA-01). */
export interface Sample {
  sampleId: string;
  eventId: string;
  purpose: SamplePurpose;
  subject: SampleSubject;
  donorCode: string | null;
  batchNumber: string | null;
  materialCode: string | null;
  lotId: string | null;
  lotExpiresOn: string | null;
  quantity: number;
  unit: string;
  container: string;
  storageLocation: string;
  storageCondition: string;
  retentionUntil: string | null;
  takenAt: string;
  recordedBy: Actor;
  recordedAt: string;
}

export type NewSample = Omit<Sample, 'recordedAt'>;

/** A decided retention exception; the label photo by its id, type, hash and size. */
export interface RetentionException {
  exceptionId: string;
  donorCode: string;
  kind: RetentionExceptionKind;
  rationale: string;
  evaluationReportReference: string | null;
  sampleId: string | null;
  labelPhoto: { photoId: string; contentType: string; sha256: string; sizeBytes: number } | null;
  signatureId: string;
  decidedBy: string;
  decidedAt: string;
}

export interface NewLabelPhoto {
  photoId: string;
  contentType: LabelPhotoContentType;
  sha256: string;
  content: Buffer;
}

const SAMPLE_COLUMNS = `"sample_id", "event_id", "purpose", "subject", "donor_code", "batch_number",
  "material_code", "lot_id", "lot_expires_on"::text AS "lot_expires_on", "quantity", "unit",
  "container", "storage_location", "storage_condition",
  "retention_until"::text AS "retention_until", "taken_at", "recorded_by", "recorded_by_role",
  "recorded_at"`;

type Row = Record<string, unknown>;

const toSample = (r: Row): Sample => ({
  sampleId: r.sample_id as string,
  eventId: r.event_id as string,
  purpose: r.purpose as SamplePurpose,
  subject: r.subject as SampleSubject,
  donorCode: r.donor_code as string | null,
  batchNumber: r.batch_number as string | null,
  materialCode: r.material_code as string | null,
  lotId: r.lot_id as string | null,
  lotExpiresOn: r.lot_expires_on as string | null,
  quantity: Number(r.quantity),
  unit: r.unit as string,
  container: r.container as string,
  storageLocation: r.storage_location as string,
  storageCondition: r.storage_condition as string,
  retentionUntil: r.retention_until as string | null,
  takenAt: (r.taken_at as Date).toISOString(),
  recordedBy: { userId: r.recorded_by as string, role: r.recorded_by_role as Actor['role'] },
  recordedAt: (r.recorded_at as Date).toISOString(),
});

const EXCEPTION_COLUMNS = `e."exception_id", e."donor_code", e."kind", e."rationale",
  e."evaluation_report_reference", e."sample_id", e."label_photo_id", e."signature_id",
  e."decided_by", e."decided_at", p."content_type", p."sha256", octet_length(p."content") AS "size"`;

const toException = (r: Row): RetentionException => ({
  exceptionId: r.exception_id as string,
  donorCode: r.donor_code as string,
  kind: r.kind as RetentionExceptionKind,
  rationale: r.rationale as string,
  evaluationReportReference: r.evaluation_report_reference as string | null,
  sampleId: r.sample_id as string | null,
  labelPhoto: r.label_photo_id
    ? {
        photoId: r.label_photo_id as string,
        contentType: r.content_type as string,
        sha256: r.sha256 as string,
        sizeBytes: Number(r.size),
      }
    : null,
  signatureId: r.signature_id as string,
  decidedBy: r.decided_by as string,
  decidedAt: (r.decided_at as Date).toISOString(),
});

/** The only place with SQL for the sample register and its retention exceptions. */
@Injectable()
export class SampleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertSample(manager: EntityManager, s: NewSample): Promise<Sample> {
    const rows: Row[] = await manager.query(
      `INSERT INTO ${S}."sample" ("sample_id", "event_id", "purpose", "subject", "donor_code",
         "batch_number", "material_code", "lot_id", "lot_expires_on", "quantity", "unit",
         "container", "storage_location", "storage_condition", "retention_until", "taken_at",
         "recorded_by", "recorded_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       RETURNING ${SAMPLE_COLUMNS}`,
      [
        s.sampleId,
        s.eventId,
        s.purpose,
        s.subject,
        s.donorCode,
        s.batchNumber,
        s.materialCode,
        s.lotId,
        s.lotExpiresOn,
        s.quantity,
        s.unit,
        s.container,
        s.storageLocation,
        s.storageCondition,
        s.retentionUntil,
        s.takenAt,
        s.recordedBy.userId,
        s.recordedBy.role,
      ],
    );
    return toSample(rows[0]);
  }

  async sampleByEvent(manager: EntityManager, eventId: string): Promise<Sample | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT ${SAMPLE_COLUMNS} FROM ${S}."sample" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && toSample(rows[0]);
  }

  async sample(sampleId: string, manager = this.dataSource.manager): Promise<Sample | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT ${SAMPLE_COLUMNS} FROM ${S}."sample" WHERE "sample_id" = $1`,
      [sampleId],
    );
    return rows[0] && toSample(rows[0]);
  }

  async samplesOfJourney(donorCode: string, manager = this.dataSource.manager): Promise<Sample[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${SAMPLE_COLUMNS} FROM ${S}."sample" WHERE "donor_code" = $1
       ORDER BY "taken_at", "recorded_at"`,
      [donorCode],
    );
    return rows.map(toSample);
  }

  async samplesOfLot(lotId: string): Promise<Sample[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${SAMPLE_COLUMNS} FROM ${S}."sample" WHERE "lot_id" = $1
       ORDER BY "taken_at", "recorded_at"`,
      [lotId],
    );
    return rows.map(toSample);
  }

  async insertLabelPhoto(manager: EntityManager, photo: NewLabelPhoto): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."retention_label_photo" ("photo_id", "content_type", "sha256", "content")
       VALUES ($1, $2, $3, $4)`,
      [photo.photoId, photo.contentType, photo.sha256, photo.content],
    );
  }

  async insertException(
    manager: EntityManager,
    e: Omit<RetentionException, 'labelPhoto' | 'decidedAt'> & { labelPhotoId: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."retention_exception" ("exception_id", "donor_code", "kind", "rationale",
         "evaluation_report_reference", "sample_id", "label_photo_id", "signature_id", "decided_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        e.exceptionId,
        e.donorCode,
        e.kind,
        e.rationale,
        e.evaluationReportReference,
        e.sampleId,
        e.labelPhotoId,
        e.signatureId,
        e.decidedBy,
      ],
    );
  }

  async exception(
    exceptionId: string,
    manager = this.dataSource.manager,
  ): Promise<RetentionException | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT ${EXCEPTION_COLUMNS} FROM ${S}."retention_exception" e
       LEFT JOIN ${S}."retention_label_photo" p ON p."photo_id" = e."label_photo_id"
       WHERE e."exception_id" = $1`,
      [exceptionId],
    );
    return rows[0] && toException(rows[0]);
  }

  /** The label photo of a journey's exception, as uploaded. */
  async labelPhoto(
    donorCode: string,
    exceptionId: string,
  ): Promise<{ contentType: string; sha256: string; content: Buffer } | undefined> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT p."content_type", p."sha256", p."content" FROM ${S}."retention_exception" e
       JOIN ${S}."retention_label_photo" p ON p."photo_id" = e."label_photo_id"
       WHERE e."exception_id" = $1 AND e."donor_code" = $2`,
      [exceptionId, donorCode],
    );
    const row = rows[0];
    return (
      row && {
        contentType: row.content_type as string,
        sha256: row.sha256 as string,
        content: row.content as Buffer,
      }
    );
  }

  async exceptionsOfJourney(
    donorCode: string,
    manager = this.dataSource.manager,
  ): Promise<RetentionException[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${EXCEPTION_COLUMNS} FROM ${S}."retention_exception" e
       LEFT JOIN ${S}."retention_label_photo" p ON p."photo_id" = e."label_photo_id"
       WHERE e."donor_code" = $1 ORDER BY e."decided_at"`,
      [donorCode],
    );
    return rows.map(toException);
  }
}
