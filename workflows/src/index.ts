// The workflow bundle's entry: only workflow functions, nothing that touches Node.
export { patientJourney } from './journey.workflow';
export { custodyLeg } from './custody-leg.workflow';
export { batchRecord } from './batch-record.workflow';
export { batchRelease } from './batch-release.workflow';
