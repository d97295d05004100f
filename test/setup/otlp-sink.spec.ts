import { spansOfExport } from './otlp-sink';

describe("the e2e tier's OTLP sink", () => {
  it('reads the spans of an OTLP/HTTP JSON export with the service that sent them', () => {
    const spans = spansOfExport({
      resourceSpans: [
        {
          resource: {
            attributes: [
              { key: 'service.name', value: { stringValue: 'traceability' } },
              { key: 'telemetry.sdk.language', value: { stringValue: 'nodejs' } },
            ],
          },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: '00f067aa0ba902b7',
                  parentSpanId: 'b7ad6b7169203331',
                  name: 'process custody.events',
                  kind: 5,
                  attributes: [
                    { key: 'messaging.consumer.group.name', value: { stringValue: 'ledger' } },
                    { key: 'messaging.kafka.offset', value: { intValue: '41' } },
                    { key: 'sampled', value: { boolValue: true } },
                  ],
                },
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'a1',
                  name: 'root',
                  kind: 2,
                },
              ],
            },
          ],
        },
      ],
    });
    expect(spans).toEqual([
      {
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: '00f067aa0ba902b7',
        parentSpanId: 'b7ad6b7169203331',
        name: 'process custody.events',
        kind: 5,
        service: 'traceability',
        attributes: {
          'messaging.consumer.group.name': 'ledger',
          'messaging.kafka.offset': 41,
          sampled: true,
        },
      },
      {
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'a1',
        name: 'root',
        kind: 2,
        service: 'traceability',
        attributes: {},
      },
    ]);
  });

  it('reads an export with no spans as none', () => {
    expect(spansOfExport({})).toEqual([]);
    expect(spansOfExport({ resourceSpans: [{ scopeSpans: [{}] }] })).toEqual([]);
  });
});
