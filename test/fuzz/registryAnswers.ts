import fc from 'fast-check';

/**
 * Mutations of a registry's genuine answer, for the adapter suite: what a broken, hostile or
 * half-delivered registry could send. Text mutations fit every format (JSON, XML, CSV); the
 * structural ones rewrite one value of a JSON answer.
 */
export type AnswerMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'empty' }
  | { kind: 'garbage'; at: number; text: string }
  | { kind: 'huge'; at: number; size: number }
  | { kind: 'json-value'; pick: number; value: unknown }
  | { kind: 'json-delete'; pick: number }
  | { kind: 'not-json'; text: string }
  | { kind: 'lines'; drop: number }
  | { kind: 'status'; status: number };

const hostileValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.constant(''),
  fc.constant([]),
  fc.constant({}),
  fc.constant('x'.repeat(100_000)),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);

export const answerMutation: fc.Arbitrary<AnswerMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('empty' as const) }),
  fc.record({ kind: fc.constant('garbage' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom('<', '>', '"', ',', ';', '{', '}', '</', '\u0000', '\n', '&amp', ']]>', '\\', '\ufffd') }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), size: fc.constantFrom(10_000, 1_000_000) }),
  fc.record({ kind: fc.constant('json-value' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('json-value' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('json-delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('not-json' as const), text: fc.constantFrom('<html>502 Bad Gateway</html>', 'null', '[]', '{}', '"text"', '42', 'a,b,c\n1,2', '<?xml version="1.0"?><x/>') }),
  fc.record({ kind: fc.constant('lines' as const), drop: fc.nat() }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(200, 201, 204, 301, 400, 401, 403, 404, 409, 422) }),
);

/** Every value slot of a parsed JSON document, as [parent, key]. */
function slots(value: unknown, out: Array<[Record<string, unknown> | unknown[], string | number]> = []) {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([value, i]), slots(item, out)));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) out.push([value as Record<string, unknown>, key]), slots(item, out);
  return out;
}

/** The answer a mutating registry sends instead of `text` (with `status`). */
export function mutateAnswer(mutation: AnswerMutation, status: number, text: string): { status: number; text: string } {
  const at = (fraction: number) => Math.floor(fraction * text.length);
  switch (mutation.kind) {
    case 'truncate':
      return { status, text: text.slice(0, at(mutation.at)) };
    case 'empty':
      return { status, text: '' };
    case 'garbage':
      return { status, text: text.slice(0, at(mutation.at)) + mutation.text + text.slice(at(mutation.at) + 1) };
    case 'huge':
      return { status, text: text.slice(0, at(mutation.at)) + 'A'.repeat(mutation.size) + text.slice(at(mutation.at)) };
    case 'not-json':
      return { status, text: mutation.text };
    case 'status':
      return { status: mutation.status, text };
    case 'lines': {
      const lines = text.split('\n');
      if (lines.length < 2) return { status, text: text.replace(/,/g, ';') };
      lines.splice(mutation.drop % lines.length, 1);
      return { status, text: lines.join('\n').replace(/,(?=[^,]*$)/, '') };
    }
    case 'json-value':
    case 'json-delete': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON (XML, CSV): cut a tag or a field instead.
        return { status, text: text.replace(/<\/[^>]+>/, '').replace(/,[^,\n]*/, '') };
      }
      const all = slots(parsed);
      if (all.length === 0) return { status, text: JSON.stringify(mutation.kind === 'json-value' ? mutation.value : null) };
      const [parent, key] = all[mutation.pick % all.length];
      if (mutation.kind === 'json-delete') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, unknown>)[key as string];
      } else (parent as Record<string | number, unknown>)[key] = mutation.value;
      return { status, text: JSON.stringify(parsed) };
    }
  }
}
