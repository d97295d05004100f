import { productSpecificationContentSchema } from './product-specification';
import { CART_CD19_V1 } from './reference-specification';

const issuesOf = (content: unknown) => {
  const parsed = productSpecificationContentSchema.safeParse(content);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('instructions for use in the product specification (OTH-01)', () => {
  it('OTH-01 publishes the reference specification with its instructions for use', () => {
    expect(issuesOf(CART_CD19_V1)).toEqual([]);
  });

  it('OTH-01 refuses to publish a version without instructions for use', () => {
    const without: Partial<typeof CART_CD19_V1> = { ...CART_CD19_V1 };
    delete without.instructionsForUse;
    expect(issuesOf(without)).toEqual(['instructionsForUse']);
  });

  it('OTH-01 requires the Chinese text of every section', () => {
    const ifu = CART_CD19_V1.instructionsForUse;
    const englishOnly = {
      ...CART_CD19_V1,
      instructionsForUse: {
        ...ifu,
        dilutionAndWashing: { text: { en: ifu.dilutionAndWashing.text.en } },
      },
    };
    expect(issuesOf(englishOnly)).toEqual(['instructionsForUse.dilutionAndWashing.text.zh']);
  });

  it('OTH-01 refuses a site storage range whose minimum is not below its maximum', () => {
    const ifu = CART_CD19_V1.instructionsForUse;
    const inverted = {
      ...CART_CD19_V1,
      instructionsForUse: {
        ...ifu,
        siteStorage: { ...ifu.siteStorage, minTemperatureC: -150, maxTemperatureC: -196 },
      },
    };
    expect(issuesOf(inverted)).toEqual(['instructionsForUse.siteStorage.minTemperatureC']);
  });
});
