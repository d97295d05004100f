import {
  DomainError,
  LABEL_PHOTO_MAX_BYTES,
  type LabelPhotoContentType,
  type RetentionExceptionKind,
  type RetentionOpenItem,
  type RetentionStanding,
  type SamplePurpose,
  type SampleSubject,
} from '@v2v/contracts';

/** What the rules need to know of a recorded sample. */
export interface SampleFacts {
  sampleId: string;
  purpose: SamplePurpose;
  subject: SampleSubject;
  donorCode: string | null;
}

/** A sample about to be recorded, as far as its retention is concerned. */
export interface SampleRetention {
  purpose: SamplePurpose;
  subject: SampleSubject;
  retentionUntil?: string;
  takenAt: string;
  /** A key-material lot's expiry as production recorded it. */
  lotExpiresOn?: string;
}

/**
 * QA-01 (§10(1)): a retention sample says until when it is kept, a day not before it was
 * taken; a key-material lot's retention sample is kept at least to the lot's expiry (§10(1)2:
 * key materials are retained within their shelf life, to investigate the products they went
 * into). A QC sample is used up by its test and has no retention end.
 */
export function requireRetentionPeriod(sample: SampleRetention): void {
  if (sample.purpose !== 'retention') return;
  if (!sample.retentionUntil)
    throw new DomainError(
      'QA-01',
      `a retention sample of the ${sample.subject} records until when it is kept (QA-01)`,
      { fieldErrors: [{ path: 'retentionUntil', message: 'required for a retention sample' }] },
    );
  if (sample.retentionUntil < sample.takenAt.slice(0, 10))
    throw new DomainError(
      'QA-01',
      `retention until ${sample.retentionUntil} ends before the sample was taken (${sample.takenAt}) (QA-01)`,
    );
  if (sample.lotExpiresOn && sample.retentionUntil < sample.lotExpiresOn)
    throw new DomainError(
      'QA-01',
      `a key-material lot's retention sample is kept at least to the lot's expiry ${sample.lotExpiresOn}, not only until ${sample.retentionUntil} (QA-01.2)`,
      { item: 'QA-01.2', lotExpiresOn: sample.lotExpiresOn },
    );
}

/** What an exception carries besides its rationale. */
export interface ExceptionEvidence {
  evaluationReportReference?: string;
  sampleId?: string;
  labelPhoto?: { contentType: LabelPhotoContentType; bytes: Buffer };
}

/**
 * QA-01 (§10(1)3②–⑤): what each kind of exception needs besides its rationale. A product not
 * retained for clinical need carries a photo showing the label's complete information; a
 * shortened retention its evaluation report; an intermediate retained in place of the product,
 * and a retention extended by freezing, the retention sample concerned.
 */
export function requireExceptionEvidence(
  kind: RetentionExceptionKind,
  evidence: ExceptionEvidence,
): void {
  const missing = (path: string, what: string) =>
    new DomainError('QA-01', `a ${kind} exception needs ${what} (QA-01)`, {
      fieldErrors: [{ path, message: `required for ${kind}` }],
    });
  if (kind === 'product-not-retained') {
    if (!evidence.labelPhoto)
      throw missing('labelPhoto', "a photo of the product's label (PNG or JPEG)");
    const why = labelPhotoRefusal(evidence.labelPhoto.contentType, evidence.labelPhoto.bytes);
    if (why)
      throw new DomainError('QA-01', `the label photo cannot be kept: ${why} (QA-01)`, {
        fieldErrors: [{ path: 'labelPhoto', message: why }],
      });
  }
  if (kind === 'retention-shortened' && !evidence.evaluationReportReference)
    throw missing('evaluationReportReference', 'the reference of its evaluation report');
  if ((kind === 'intermediate-retained' || kind === 'frozen-retention') && !evidence.sampleId)
    throw missing('sampleId', 'the id of the retention sample concerned');
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Why a label photo cannot be kept, or undefined: empty, over 2 MiB, or bytes that do not
 * start with the stated type's signature (PNG's 8-byte header, JPEG's SOI marker). Only the
 * signature is checked, not that the image decodes.
 */
export function labelPhotoRefusal(
  contentType: LabelPhotoContentType,
  bytes: Buffer,
): string | undefined {
  if (bytes.length === 0) return 'the photo is empty';
  if (bytes.length > LABEL_PHOTO_MAX_BYTES)
    return `the photo has ${bytes.length} bytes, more than ${LABEL_PHOTO_MAX_BYTES}`;
  const magic = contentType === 'image/png' ? PNG : JPEG;
  if (!bytes.subarray(0, magic.length).equals(magic))
    return `the bytes are not a ${contentType === 'image/png' ? 'PNG' : 'JPEG'} image`;
  return undefined;
}

/**
 * QA-01: the sample an intermediate-retained or frozen-retention exception names is a
 * retention sample of the same journey: of an intermediate for the first (§10(1)3⑤), of the
 * final product or an intermediate for the second (§10(1)3④: frozen, or an intermediate's in
 * its place).
 */
export function requireExceptionSample(
  kind: RetentionExceptionKind,
  donorCode: string,
  sampleId: string,
  sample: SampleFacts | undefined,
): void {
  const subjects: SampleSubject[] =
    kind === 'intermediate-retained' ? ['intermediate'] : ['final-product', 'intermediate'];
  if (
    !sample ||
    sample.donorCode !== donorCode ||
    sample.purpose !== 'retention' ||
    !subjects.includes(sample.subject)
  )
    throw new DomainError(
      'QA-01',
      `sample ${sampleId} is not a retention sample of ${subjects.join(' or ')} of journey ${donorCode} (QA-01)`,
      { fieldErrors: [{ path: 'sampleId', message: 'no such retention sample of the journey' }] },
    );
}

const DONOR_MATERIAL_EXCEPTIONS: RetentionExceptionKind[] = ['donor-material-not-retained'];
/** The exceptions that stand for the final product's retention sample. */
const FINAL_PRODUCT_EXCEPTIONS: RetentionExceptionKind[] = [
  'product-not-retained',
  'intermediate-retained',
];

/**
 * QA-01: a journey's retention is settled when its donor material (QA-01.1) and its final
 * product (QA-01.3) each have a retention sample or a decided exception of the matching kind.
 * A shortened or frozen retention changes how a sample is kept; it does not replace one.
 */
export function retentionStanding(
  donorCode: string,
  samples: readonly SampleFacts[],
  exceptionKinds: readonly RetentionExceptionKind[],
): RetentionStanding {
  const retained = (subject: SampleSubject) =>
    samples.some((s) => s.purpose === 'retention' && s.subject === subject);
  const excepted = (kinds: RetentionExceptionKind[]) =>
    exceptionKinds.some((k) => kinds.includes(k));
  const items: RetentionOpenItem[] = [];
  if (!retained('donor-material') && !excepted(DONOR_MATERIAL_EXCEPTIONS))
    items.push({
      item: 'QA-01.1',
      subject: 'donor-material',
      message: `no retention sample of ${donorCode}'s donor material and no decided exception for it (QA-01.1)`,
    });
  if (!retained('final-product') && !excepted(FINAL_PRODUCT_EXCEPTIONS))
    items.push({
      item: 'QA-01.3',
      subject: 'final-product',
      message: `no retention sample of ${donorCode}'s final product, no intermediate retained in its place and no decided exception for it (QA-01.3)`,
    });
  return { donorCode, settled: items.length === 0, items };
}

/** QA-01 for the release gate: refuses naming every open item. */
export function requireRetentionSettled(standing: RetentionStanding): void {
  if (standing.settled) return;
  throw new DomainError(
    'QA-01',
    `retention of ${standing.donorCode} is not settled: ${standing.items.map((i) => i.message).join('; ')}`,
    { items: standing.items.map((i) => i.item) },
  );
}
