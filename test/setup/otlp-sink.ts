import { createServer, IncomingMessage, Server } from 'node:http';

/** A span as the end-to-end tests look at it. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP's enum: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  /** `service.name` of the process that exported it. */
  service: string;
  attributes: Record<string, string | number | boolean>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: OtlpAttribute[];
      }>;
    }>;
  }>;
}

const valueOf = (v: OtlpValue) =>
  v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.doubleValue ?? v.boolValue));

function attributesOf(list: OtlpAttribute[] = []): ReceivedSpan['attributes'] {
  const attributes: ReceivedSpan['attributes'] = {};
  for (const { key, value } of list) {
    const v = valueOf(value);
    if (v !== undefined) attributes[key] = v;
  }
  return attributes;
}

/** The spans of one OTLP/HTTP JSON export request (ids hex, as OTLP/JSON writes them). */
export function spansOfExport(body: OtlpExport): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
        name: span.name,
        kind: span.kind,
        service,
        attributes: attributesOf(span.attributes),
      })),
    );
  });
}

/** Spans kept at most: the oldest go first (a test reads its own trace seconds after making it). */
const MAX_SPANS = 20_000;

export interface OtlpSink {
  /** The base URL to give as OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  close(): Promise<void>;
}

/**
 * The end-to-end tier's stand-in for an OpenTelemetry Collector: accepts what the platform's
 * exporters send (OTLP/HTTP, JSON) at `/v1/traces` and answers `GET /traces/<trace id>` with the
 * spans received of that trace, so a test can look at a whole trace. On loopback only.
 */
export async function startOtlpSink(): Promise<OtlpSink> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const trace = /^\/traces\/([0-9a-f]{32})$/.exec(request.url ?? '');
    if (request.method === 'GET' && trace) {
      const found = spans.filter((s) => s.traceId === trace[1]);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(found));
      return;
    }
    if (request.method !== 'POST' || request.url !== '/v1/traces') {
      response.writeHead(404).end();
      return;
    }
    bodyOf(request)
      .then((text) => {
        spans.push(...spansOfExport(JSON.parse(text) as OtlpExport));
        if (spans.length > MAX_SPANS) spans.splice(0, spans.length - MAX_SPANS);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{}');
      })
      .catch(() => response.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
