import { lowerCaseWord } from '../model/lowerCaseWords';
/**
 * Reads object properties ignoring key case: EM 12 emits PascalCase JSON, EM 13 camelCase, and the XML
 * parser yields the element names; one reader serves all three.
 */
export class CaseInsensitiveFields {
  private readonly shape: Shape;

  constructor(readonly source: Readonly<Record<string, unknown>>) {
    this.shape = shapeOf(source);
  }

  get(name: string): unknown {
    const key = this.shape.keyByLowerName.get(lowerCaseWord(name));
    return key === undefined ? undefined : this.source[key];
  }

  has(name: string): boolean {
    return this.shape.keyByLowerName.has(lowerCaseWord(name));
  }

  /** A string value, or undefined when absent, null or not a scalar. Numbers and booleans are stringified. */
  string(name: string): string | undefined {
    const v = this.get(name);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  }

  object(name: string): CaseInsensitiveFields | undefined {
    const v = this.get(name);
    return isPlainRecord(v) ? new CaseInsensitiveFields(v) : undefined;
  }

  /** A list: arrays as they are, a single object as a one-item list. */
  list(name: string): unknown[] {
    const v = this.get(name);
    if (Array.isArray(v)) return v;
    return v === undefined || v === null || v === '' ? [] : [v];
  }

  /** Own keys whose lower-case form is not in `known`: the fields a newer server added (namespace declarations aside). */
  unknownEntries(known: ReadonlySet<string>): Array<[string, unknown]> {
    let keys = this.shape.unknownKeys.get(known);
    if (!keys) {
      keys = this.shape.keys.filter((key) => !known.has(key.toLowerCase()) && !NAMESPACE_DECLARATION.test(key));
      this.shape.unknownKeys.set(known, keys);
    }
    return keys.map((key) => [key, this.source[key]]);
  }
}

// `xmlns` and `xmlns:xsi` on an XML root: markup, not fields a newer server added.
const NAMESPACE_DECLARATION = /^xmlns(?::|$)/;

/**
 * What a key list implies, computed once per distinct list. A list page holds thousands of objects with the same
 * keys in the same order; building a lower-case map per object cost more than parsing the JSON itself.
 */
interface Shape {
  keys: readonly string[];
  /** Lower-case name → the first own key with that lower-case form. */
  keyByLowerName: ReadonlyMap<string, string>;
  /** Per set of known names (module constants): the keys outside it. */
  unknownKeys: WeakMap<ReadonlySet<string>, string[]>;
}

// The shapes met last, most recent first: a list alternates between a handful (session, link, paging).
const RECENT_SHAPES = 16;
const recentShapes: Shape[] = [];

function shapeOf(source: Readonly<Record<string, unknown>>): Shape {
  const keys = Object.keys(source);
  for (let i = 0; i < recentShapes.length; i++) {
    const shape = recentShapes[i];
    if (sameKeys(shape.keys, keys)) {
      if (i > 0) {
        recentShapes.splice(i, 1);
        recentShapes.unshift(shape);
      }
      return shape;
    }
  }
  const keyByLowerName = new Map<string, string>();
  for (const key of keys) {
    const lower = key.toLowerCase();
    if (!keyByLowerName.has(lower)) keyByLowerName.set(lower, key);
  }
  const shape: Shape = { keys, keyByLowerName, unknownKeys: new WeakMap() };
  recentShapes.unshift(shape);
  if (recentShapes.length > RECENT_SHAPES) recentShapes.pop();
  return shape;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The `extra` of a session without unknown fields (nearly all of them): one shared, frozen, prototype-free
 * record instead of an empty one per session (a null-prototype object is a dictionary, ~180 bytes each).
 */
export const NO_EXTRA_FIELDS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

/**
 * Builds a prototype-free record, so hostile keys such as `__proto__` stay plain data: without a prototype there is
 * no `__proto__` setter, and assigning the key makes an own property like any other.
 */
export function safeRecord(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}
