import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes that make any journey findable in Temporal UI. Registered
 * on the server at start (tools/infra, docker-compose.yml); set by the gateway when it
 * starts a journey and kept current by the workflow. No patient reference here: it stays
 * inside the system.
 */
export const DonorCodeKey = defineSearchAttributeKey('DonorCode', SearchAttributeType.KEYWORD);
export const InstitutionIdKey = defineSearchAttributeKey(
  'InstitutionId',
  SearchAttributeType.KEYWORD,
);
export const JourneyStageKey = defineSearchAttributeKey(
  'JourneyStage',
  SearchAttributeType.KEYWORD,
);
export const ProductCodeKey = defineSearchAttributeKey('ProductCode', SearchAttributeType.KEYWORD);
