import { z } from 'zod';
import { plausibleInstant } from '../events/plausible-instant';
import { isValidDonorCode } from '../identifiers/donor-unique-code';
import { FOLLOW_UP_OUTCOME_KINDS } from './follow-up-period';
import { INFECTIOUS_MARKERS } from './product-specification';
import {
  ElectronicSignature,
  isSignedStep,
  signatureRequestSchema,
  SignedStep,
} from './electronic-signature';
import type { JourneyStep } from './journey-steps';

/** A scanned or typed donor unique code; TRC-02 check character validated at the edge. */
export const donorCodeScan = z.string().min(1).refine(isValidDonorCode, {
  message: 'not a valid donor unique code: wrong structure or check character (TRC-02)',
});

const isoDate = z.iso.date();
const text = (max = 200) => z.string().trim().min(1).max(max);
const reason = text(1000);

/** Pseudonymous patient reference: never a name or medical record number. */
export const patientReference = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/,
    'a pseudonymous reference: 3-64 letters, digits or dashes',
  );

export const createOrderSchema = z.strictObject({
  patientReference,
  institutionId: text(64),
  productCode: text(32),
  requestedCollectionDate: isoDate,
});
export type CreateOrder = z.infer<typeof createOrderSchema>;

/** MAT-04: what happens to nonconforming material, decided and signed by QA. */
export const MATERIAL_DISPOSITIONS = ['destroy', 'return', 'quarantine'] as const;
const disposition = z.enum(MATERIAL_DISPOSITIONS, {
  error:
    'a disposition is required for nonconforming material: destroy, return or quarantine (MAT-04)',
});

/** The schema of an event time: an instant that a given receipt makes plausible (GEN-01). */
type EventTime = ReturnType<typeof plausibleInstant>;

/** One clinician's bedside scan of the product label and the patient's reference (OTH-02). */
const bedsideVerification = (eventTime: EventTime) =>
  z.strictObject({
    /** The username of a hospital user of the institution, trained for the infusion. */
    clinician: text(64),
    labelScan: donorCodeScan,
    patientReference,
    scannedAt: eventTime,
  });

/**
 * QA-04 (§10(4)): what the site inspects at the receipt of the product. A failed item opens an
 * emergency on the product; the note says what was seen.
 */
const siteReceiptInspection = z
  .strictObject({
    outerPackagingIntact: z.boolean(),
    /** The bag (container) holding the product. */
    containerIntact: z.boolean(),
    labelPresent: z.boolean(),
    labelLegible: z.boolean(),
    note: text(1000).optional(),
  })
  .refine(
    (i) =>
      i.note !== undefined ||
      (i.outerPackagingIntact && i.containerIntact && i.labelPresent && i.labelLegible),
    {
      path: ['note'],
      message: 'a note is required when an inspection item fails (QA-04)',
      when: (check) => check.issues.length === 0,
    },
  );
export type SiteReceiptInspection = z.infer<typeof siteReceiptInspection>;

/**
 * The step bodies. Every time of something that happened (a sample taken, a collection, a
 * hand-over, a receipt, a test, an infusion) is an `eventTime`: refused when it lies more than
 * the clock skew after its receipt or before 2000 (GEN-01). Planned days (a collection date, a
 * manufacturing slot) may lie ahead and stay plain dates.
 */
const STEP_BODIES = {
  recordDonorScreening: (eventTime: EventTime) =>
    z.strictObject({
      sampledAt: eventTime,
      results: z
        .array(
          z.strictObject({
            marker: z.enum(INFECTIOUS_MARKERS),
            result: z.enum(['negative', 'positive']),
            method: text(200),
            reagentLot: text(64).optional(),
          }),
        )
        .min(1),
      eligibilityConfirmed: z.literal(true, {
        error:
          "the clinician must confirm the patient meets the product's eligibility criteria (DON-01)",
      }),
      notes: text(1000).optional(),
    }),
  scheduleCollection: () =>
    z.strictObject({
      collectionDate: isoDate,
      /** The preferred first manufacturing day; else the earliest free one after collection. */
      manufacturingSlot: isoDate.optional(),
    }),
  /** A collection moved (the patient unfit on the day, a postponement): its slots are rebooked. */
  postponeCollection: () =>
    z.strictObject({
      collectionDate: isoDate,
      reason,
      manufacturingSlot: isoDate.optional(),
    }),
  recordCollection: (eventTime: EventTime) =>
    z.strictObject({
      collectedAt: eventTime,
      volumeMl: z.number().positive().max(2000),
      bagLot: text(64),
      collectionOperator: text(100),
    }),
  recordPostCollectionStorage: (eventTime: EventTime) =>
    z.strictObject({
      storedFrom: eventTime,
      storedUntil: eventTime,
      minTemperatureC: z.number(),
      maxTemperatureC: z.number(),
      location: text(100),
    }),
  handOverToCourier: (eventTime: EventTime) =>
    z.strictObject({
      handedOverAt: eventTime,
      courier: text(100),
      shipperId: text(64),
      packageId: text(64),
      /**
       * GEN-01: the data logger packed with the material; the transport leg accepts readings from
       * it alone. Optional so that hand-overs recorded before loggers were bound stay readable.
       */
      loggerId: text(64).optional(),
    }),
  recordMaterialReceipt: (eventTime: EventTime) =>
    z.strictObject({
      receivedAt: eventTime,
      labelScan: donorCodeScan,
      packagingIntact: z.boolean(),
      /**
       * What the label shows besides the code; a field missing here must be reachable through the
       * system (DON-04.4).
       */
      label: z.strictObject({
        collectedAt: eventTime.optional(),
        volumeMl: z.number().positive().optional(),
        institution: text(200).optional(),
      }),
      /** Where the unit is put (FAC-03: positive material only in a dedicated unit). */
      storageUnitId: text(64),
    }),
  releaseMaterial: () =>
    z.strictObject({
      comment: text(1000).optional(),
      signature: signatureRequestSchema,
    }),
  rejectMaterial: () => z.strictObject({ reason, disposition, signature: signatureRequestSchema }),
  startProduction: () =>
    z.strictObject({
      labelScan: donorCodeScan,
      /** A portion of the donor material set aside at the start: a failed batch can be re-made. */
      retainedPortion: z
        .strictObject({
          volumeMl: z.number().positive().max(2000),
          container: text(100),
          storageLocation: text(100),
        })
        .optional(),
    }),
  completeProduction: () => z.strictObject({ totalCellCount: z.number().int().positive() }),
  /** MAT-04 applies to product too: a failed batch is rejected with its signed disposition. */
  rejectFailedBatch: () =>
    z.strictObject({ reason, disposition, signature: signatureRequestSchema }),
  /** From the retained portion of the donor material; production refuses without one. */
  remanufactureBatch: () => z.strictObject({ reason, signature: signatureRequestSchema }),
  /**
   * Raw QC results: the system judges each against the test plan of the journey's specification
   * (QA-02.1). A correction is a new result naming the one it corrects and why; a retest is
   * taken under an open OOS investigation of its test.
   */
  recordQcResult: (eventTime: EventTime) =>
    z.strictObject({
      results: z
        .array(
          z.strictObject({
            testCode: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a test code of the plan'),
            /** A number for a range test, the observed text for an allowed-set test. */
            value: z.union([z.number().finite(), text(100)]),
            /** Required for a range test, the criterion's unit. */
            unit: text(32).optional(),
            method: text(200),
            instrumentId: text(64),
            sampleId: text(64),
            testedAt: eventTime,
            correctionOf: z
              .strictObject({ resultId: z.string().regex(/^[1-9][0-9]{0,17}$/), reason })
              .optional(),
            retestUnder: z.uuid().optional(),
          }),
        )
        .min(1)
        .max(40),
    }),
  releaseBatch: () =>
    z.strictObject({
      comment: text(1000).optional(),
      signature: signatureRequestSchema,
    }),
  rejectBatch: () => z.strictObject({ reason, signature: signatureRequestSchema }),
  shipToSite: (eventTime: EventTime) =>
    z.strictObject({
      shippedAt: eventTime,
      courier: text(100),
      shipperId: text(64),
      /** GEN-01: the data logger packed with the product; the shipment leg accepts only it. */
      loggerId: text(64).optional(),
    }),
  /**
   * The receipt at the site with its inspection (QA-04, TRC-03). A lost or illegible label
   * cannot be scanned: then the scan may be absent, and the product goes on hold.
   */
  receiveAtSite: (eventTime: EventTime) =>
    z
      .strictObject({
        receivedAt: eventTime,
        labelScan: donorCodeScan.optional(),
        inspection: siteReceiptInspection,
      })
      .refine(
        (p) =>
          p.labelScan !== undefined || !p.inspection.labelPresent || !p.inspection.labelLegible,
        {
          path: ['labelScan'],
          message: 'a present, legible label is scanned at the receipt (TRC-03)',
          when: (check) => check.issues.length === 0,
        },
      ),
  /**
   * The thaw at the site (OTH-01): from `thawStartedAt` to `thawCompletedAt`, at the bath's
   * temperature, by the method noted. Its duration against the instructions for use is the
   * release service's check (`requireThawWithinInstructions`): the payload does not hold them.
   */
  recordThaw: (eventTime: EventTime) =>
    z
      .strictObject({
        thawStartedAt: eventTime,
        thawCompletedAt: eventTime,
        bathTemperatureC: z.number().min(0).max(45),
        methodNote: text(1000),
      })
      .refine((p) => Date.parse(p.thawCompletedAt) > Date.parse(p.thawStartedAt), {
        path: ['thawCompletedAt'],
        message: 'the thaw cannot be completed before it started (OTH-01)',
        when: (check) => check.issues.length === 0,
      }),
  /**
   * The use record: the infusion from `infusedAt` to `infusionEndedAt`, its volume and dose, who
   * administered it, and the two clinicians' bedside scans (OTH-02, TRC-03), the first by the
   * user who records it. Histories recorded before it carry one `bedsideScan`; the journey never
   * validates a replayed payload, so they replay unchanged.
   */
  recordInfusion: (eventTime: EventTime) =>
    z
      .strictObject({
        infusedAt: eventTime,
        infusionEndedAt: eventTime,
        verifications: z.tuple([bedsideVerification(eventTime), bedsideVerification(eventTime)]),
        volumeMl: z.number().positive().max(2000),
        dose: z.strictObject({ value: z.number().positive(), unit: text(40) }),
        administeredBy: text(100),
      })
      .refine((p) => Date.parse(p.infusionEndedAt) >= Date.parse(p.infusedAt), {
        path: ['infusionEndedAt'],
        message: 'the infusion cannot end before it started',
        // Compared only between two plausible instants; an implausible one is named alone.
        when: (check) => check.issues.length === 0,
      }),
  /** `outcomeKind`: a completed period, or a death or withdrawal that ends it early. */
  completeFollowUp: () =>
    z.strictObject({ outcome: text(1000), outcomeKind: z.enum(FOLLOW_UP_OUTCOME_KINDS) }),
  cancelJourney: () => z.strictObject({ reason }),
} as const satisfies Record<JourneyStep, (eventTime: EventTime) => z.ZodType>;

type StepBodySchemas = { [S in JourneyStep]: ReturnType<(typeof STEP_BODIES)[S]> };

/** The step bodies as the gateway receives them: event times are checked against now. */
export const STEP_PAYLOAD_SCHEMAS = Object.fromEntries(
  Object.entries(STEP_BODIES).map(([step, body]) => [step, body(plausibleInstant())]),
) as StepBodySchemas;

/** A step's body as the user sends it to the gateway. */
export type StepRequestBody<S extends JourneyStep> = z.infer<(typeof STEP_PAYLOAD_SCHEMAS)[S]>;

/**
 * A step's payload as the journey and the services receive it: for a signed decision the
 * re-entered password is replaced by the recorded signature.
 */
export type StepPayload<S extends JourneyStep> = S extends SignedStep
  ? Omit<StepRequestBody<S>, 'signature'> & { signature: ElectronicSignature }
  : StepRequestBody<S>;

/**
 * The schema of `StepPayload`: the body's, with the recorded signature in place of the password
 * for a signed decision. The owning service checks a step's payload against it before writing,
 * so a payload that reached Temporal some other way than through the gateway (a forged update)
 * is refused with what is wrong, never half-written or failing in the database. The signature
 * itself is left to the signature recorder, whose refusal names CSV-02.
 * `receivedAt` is when the journey accepted the step: its event times are judged against that
 * moment, so a retry or a replay hours later neither refuses nor lets through what the first
 * check would not have (GEN-01).
 */
export function stepPayloadSchema(step: JourneyStep, receivedAt: number): z.ZodType {
  const bodies: Record<JourneyStep, (eventTime: EventTime) => z.ZodObject> = STEP_BODIES;
  const body = bodies[step](plausibleInstant({ receivedAt }));
  return isSignedStep(step) ? body.extend({ signature: z.unknown().optional() }) : body;
}
