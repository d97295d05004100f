import type { JourneyStep, Role } from '@v2v/contracts';

/**
 * Who may take each step, and its route. The one table behind every step endpoint; the
 * docs' role table is generated from the same data (docs/roles.md).
 */
export const STEP_ROUTES: Record<JourneyStep, { route: string; roles: Role[]; summary: string }> = {
  recordDonorScreening: {
    route: 'record-donor-screening',
    roles: ['hospital'],
    summary:
      "Record the donor's screening and infectious-marker results; refused if they fail the product's standards (DON-01); positive material is flagged (DON-05).",
  },
  scheduleCollection: {
    route: 'schedule-collection',
    roles: ['scheduler'],
    summary:
      'Book the collection and a manufacturing slot (refused when no line is free, naming the earliest free day); also books a recollection after a rejected unit or batch.',
  },
  postponeCollection: {
    route: 'postpone-collection',
    roles: ['scheduler'],
    summary:
      'Move the collection to another day with its reason (the patient unfit, a postponement); the manufacturing slot is rebooked around it.',
  },
  recordCollection: {
    route: 'record-collection',
    roles: ['hospital'],
    summary:
      'Record the apheresis collection: time, volume, operator, bag lot (DON-02: approved institution only).',
  },
  recordPostCollectionStorage: {
    route: 'record-post-collection-storage',
    roles: ['hospital'],
    summary:
      'Record where and at what temperature the material was stored between collection and hand-over.',
  },
  handOverToCourier: {
    route: 'hand-over-to-courier',
    roles: ['hospital'],
    summary:
      'Hand the donor material to the courier; starts the transport leg and its time limit (GEN-01).',
  },
  recordMaterialReceipt: {
    route: 'record-material-receipt',
    roles: ['operator'],
    summary:
      'Receive the donor material: label scan (TRC-03), the six receipt checks (DON-04; a failure quarantines the unit) and its storage unit (FAC-03).',
  },
  releaseMaterial: {
    route: 'release-material',
    roles: ['qa-qp'],
    summary: 'QA evaluates and releases the donor material to production (DON-06).',
  },
  rejectMaterial: {
    route: 'reject-material',
    roles: ['qa-qp'],
    summary:
      'QA rejects the donor material with its disposition (MAT-04); the journey may book a recollection.',
  },
  startProduction: {
    route: 'start-production',
    roles: ['operator'],
    summary: 'Start the batch after scanning the donor material label.',
  },
  completeProduction: {
    route: 'complete-production',
    roles: ['operator'],
    summary: 'Complete the batch with its total cell count.',
  },
  rejectFailedBatch: {
    route: 'reject-failed-batch',
    roles: ['qa-qp'],
    summary:
      'QA rejects a batch that failed in production, with its signed disposition (MAT-04); its manufacturing slot is released.',
  },
  remanufactureBatch: {
    route: 'remanufacture-batch',
    roles: ['qa-qp'],
    summary:
      'QA approves re-manufacture from the retained portion of the donor material (refused without one); a new manufacturing slot is booked.',
  },
  recordQcResult: {
    route: 'record-qc-result',
    roles: ['qc'],
    summary:
      "Enter raw QC results (value, unit, method, instrument, sample, time tested); the system judges each against the test plan of the journey's specification (QA-02.1). A correction names the result it corrects and why; a retest names its open OOS investigation; an OOS result of a gating test opens one. May be taken again until release.",
  },
  releaseBatch: {
    route: 'release-batch',
    roles: ['qa-qp'],
    summary: 'The qualified person releases the batch (QA-02).',
  },
  rejectBatch: {
    route: 'reject-batch',
    roles: ['qa-qp'],
    summary: 'The qualified person rejects the batch; the journey is cancelled.',
  },
  shipToSite: {
    route: 'ship-to-site',
    roles: ['operator'],
    summary: 'Ship the product to the treatment site; starts the shipment leg time limit (GEN-01).',
  },
  receiveAtSite: {
    route: 'receive-at-site',
    roles: ['hospital'],
    summary: 'Receive the product at the treatment site with a label scan.',
  },
  recordThaw: {
    route: 'record-thaw',
    roles: ['hospital'],
    summary:
      'Record the thaw by the instructions for use (OTH-01); ends the site storage leg and starts the thaw-to-infusion time limit (GEN-01).',
  },
  recordInfusion: {
    route: 'record-infusion',
    roles: ['hospital'],
    summary: 'Record the infusion after the bedside identity check of product and patient.',
  },
  completeFollowUp: {
    route: 'complete-follow-up',
    roles: ['hospital'],
    summary: 'Close the follow-up; the journey ends.',
  },
  cancelJourney: {
    route: 'cancel',
    roles: ['scheduler', 'qa-qp'],
    summary: 'Cancel the journey before the product leaves the factory.',
  },
};
