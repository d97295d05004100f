import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { electronicSignatureSchema } from '../journey/electronic-signature';
import { productSpecificationContentSchema } from '../journey/product-specification';

/*
 * The bodies the gateway sends production's internal API besides the key-material ones
 * (key-materials.ts).
 */

/**
 * QA's signed publication of a specification: POST
 * /internal/product-specifications/{code}/versions.
 */
export const publishSpecificationCommandSchema = z.strictObject({
  content: productSpecificationContentSchema,
  publishedBy: actorSchema,
  signature: electronicSignatureSchema,
});
export type PublishSpecificationCommand = z.infer<typeof publishSpecificationCommandSchema>;
