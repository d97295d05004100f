import type { StepRequestBody } from '@v2v/contracts';

/** The receipt inspection at the site that finds nothing wrong (QA-04). */
export const INTACT_SITE_RECEIPT: StepRequestBody<'receiveAtSite'>['inspection'] = {
  outerPackagingIntact: true,
  containerIntact: true,
  labelPresent: true,
  labelLegible: true,
};
