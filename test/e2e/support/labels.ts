import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';
import type { GatewayClient } from '@v2v/testing';

/** The label as bytes: GatewayClient reads bodies as text, which would corrupt a PDF or PNG. */
export async function labelFile(api: GatewayClient, user: string, path: string) {
  const token = await api.login(user);
  const res = await fetch(`${api.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body,
    json: () => JSON.parse(body.toString('utf8')) as { code: string; message: string },
  };
}

/**
 * The label's text lines: pdfkit (uncompressed) writes each line as a TJ array of hex strings split
 * by kerning.
 */
export function pdfText(pdf: Buffer): string {
  return [...pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)]
    .map((line) =>
      [...line[1].matchAll(/<([0-9a-f]+)>/g)]
        .map((hex) => Buffer.from(hex[1], 'hex').toString('latin1'))
        .join(''),
    )
    .join('\n');
}

/** Reads the PNG's Data Matrix as a scanner would, from its pixels. */
export function decodeDataMatrix(png: Buffer): string {
  const { width, height, data } = PNG.sync.read(png);
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < luminance.length; i++)
    luminance[i] = (data[4 * i] * 299 + data[4 * i + 1] * 587 + data[4 * i + 2] * 114) / 1000;
  const reader = new MultiFormatReader();
  reader.setHints(new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.DATA_MATRIX]]]));
  return reader
    .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height))))
    .getText();
}
