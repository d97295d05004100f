/**
 * Text as PostgreSQL's `text` can hold it: a NUL character (U+0000), which it cannot, written as
 * the escape `\u0000`. For what a record quotes from outside (a refusal's reason, a message set
 * aside), so the record keeps what was sent instead of failing to be written.
 */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\\u0000');
}
