/** How deep a value is searched; the contracts' bodies and activity inputs nest a few levels. */
const MAX_DEPTH = 32;

/** Why a value carrying U+0000 is refused, as each edge says it. */
export const NUL_CHARACTER_MESSAGE = 'contains a NUL character (U+0000), which no record can hold';

/**
 * Where the first NUL character (U+0000) in a value is, as a field path (`a.b.0`), or undefined.
 * Keys are searched as well as strings. PostgreSQL's text and jsonb cannot hold the character, so
 * a value carrying one cannot become a record: refused where it arrives it is a refusal naming
 * the field, where it reached the database it was an error retried or answered as a fault.
 */
export function nulCharacterAt(value: unknown, at: string[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at.join('.') : undefined;
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const path = [...at, key];
    if (key.includes('\u0000')) return path.join('.');
    const found = nulCharacterAt(inner, path, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Text as PostgreSQL's `text` can hold it: a NUL character written as the escape `\u0000`. For
 * what a record quotes from outside (a refusal's reason, a message set aside), so the record
 * keeps what was sent instead of failing to be written.
 */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\\u0000');
}

/** A JSON value with `storableText` applied to every string and key in it (for jsonb). */
export function storableValue<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => storableValue(item, depth + 1)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      storableText(key),
      storableValue(inner, depth + 1),
    ]),
  ) as T;
}
