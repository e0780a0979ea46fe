/**
 * Checks a server answer against a JSON Schema that zod wrote from the
 * shared contract (z.toJSONSchema, "input" side), and returns it as zod's
 * parse would: keys the schema does not know are dropped and defaults filled
 * in. Only the keywords zod writes for the answers the kiosk reads are
 * understood; tests/browser/answer-schemas.test.ts checks the generated
 * schemas use no other. This keeps zod itself (about 26 KB gzip) off the
 * kiosk's start route: the content sync, the outbox and the device check all
 * start with the start screen.
 *
 * What JSON Schema cannot say is not checked here: zod's refinements (e.g.
 * "every step has its Swedish text") are the server's to enforce when a
 * guide is published.
 */
type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

export interface JsonSchema {
  /** Several types: zod writes `["string", "null"]` for a nullable plain string. */
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  $schema?: string;
}

export const SUPPORTED_KEYWORDS: readonly string[] = [
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'anyOf',
  'default',
  '$ref',
  '$defs',
  '$schema',
];

export type CheckResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

type Path = readonly (string | number)[];

/** Where in the answer, as describeProblems in shared/content/guide.ts writes it: guides[0].steps[1].id */
function where(path: Path): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}

const count = (n: number, thing: string) => `${n} ${thing}${n === 1 ? '' : 's'}`;

const FORMATS: Record<string, (value: string) => boolean> = {
  uri: (value) => URL.canParse(value),
  // zod writes a pattern alongside for dates; the format adds nothing to check.
  date: () => true,
};

/** Checks `value` against `root`; the value returned is a copy, never the input. */
export function checkJson<T>(root: JsonSchema, value: unknown): CheckResult<T> {
  const problems: string[] = [];
  const patterns = new Map<string, RegExp>();

  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : root.$defs?.[name];
    if (!target) throw new Error(`The schema refers to ${schema.$ref}, which it does not define.`);
    return resolve(target);
  };

  const typeOk = (type: JsonSchema['type'], value: unknown): boolean => {
    if (Array.isArray(type)) return type.some((one) => typeOk(one, value));
    switch (type) {
      case undefined:
        return true;
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
        return typeof value === 'object' && value !== null && !Array.isArray(value);
      case 'integer':
        return Number.isSafeInteger(value);
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      default:
        return typeof value === type;
    }
  };

  /** The checked copy of `value`; problems found are added to `found`. */
  const check = (given: JsonSchema, value: unknown, path: Path, found: string[]): unknown => {
    const schema = resolve(given);
    const fail = (message: string) => {
      found.push(path.length > 0 ? `${where(path)}: ${message}` : message);
      return value;
    };
    if (schema.anyOf) {
      for (const option of schema.anyOf) {
        const optionProblems: string[] = [];
        const checked = check(option, value, path, optionProblems);
        if (optionProblems.length === 0) return checked;
      }
      return fail('matches none of the allowed forms');
    }
    if (!typeOk(schema.type, value))
      return fail(`expected ${[schema.type ?? 'a value'].flat().join(' or ')}`);
    if (schema.enum && !schema.enum.includes(value)) return fail(`unknown value ${String(value)}`);
    if ('const' in schema && schema.const !== value)
      return fail(`expected ${String(schema.const)}`);
    if (typeof value === 'string') checkString(schema, value, fail);
    if (typeof value === 'number') checkNumber(schema, value, fail);
    if (Array.isArray(value)) {
      if (schema.minItems !== undefined && value.length < schema.minItems)
        fail(`needs at least ${count(schema.minItems, 'item')}`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems)
        fail(`has more than ${count(schema.maxItems, 'item')}`);
      const items = schema.items;
      return items
        ? value.map((item, index) => check(items, item, [...path, index], found))
        : value;
    }
    if ([schema.type].flat().includes('object') && typeOk('object', value))
      return checkObject(schema, value as Record<string, unknown>, path, found);
    return value;
  };

  const checkString = (schema: JsonSchema, value: string, fail: (message: string) => unknown) => {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      fail(`needs at least ${count(schema.minLength, 'character')}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      fail(`has more than ${count(schema.maxLength, 'character')}`);
    if (schema.pattern !== undefined) {
      const pattern = patterns.get(schema.pattern) ?? new RegExp(schema.pattern, 'u');
      patterns.set(schema.pattern, pattern);
      if (!pattern.test(value)) fail('is not in the expected form');
    }
    if (schema.format !== undefined && !(FORMATS[schema.format]?.(value) ?? true))
      fail(`is not a valid ${schema.format}`);
  };

  const checkNumber = (schema: JsonSchema, value: number, fail: (message: string) => unknown) => {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`is below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`is above ${schema.maximum}`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
      fail(`must be above ${schema.exclusiveMinimum}`);
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)
      fail(`must be below ${schema.exclusiveMaximum}`);
  };

  const checkObject = (
    schema: JsonSchema,
    value: Record<string, unknown>,
    path: Path,
    found: string[],
  ): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    for (const name of schema.required ?? []) {
      if (!(name in value) || value[name] === undefined)
        found.push(`${where([...path, name])}: is missing`);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const resolved = resolve(property);
      if (value[name] !== undefined)
        copy[name] = check(resolved, value[name], [...path, name], found);
      else if ('default' in resolved) copy[name] = structuredClone(resolved.default);
    }
    const extra = schema.additionalProperties;
    for (const [name, item] of Object.entries(value)) {
      if (schema.properties && name in schema.properties) continue;
      if (schema.propertyNames) check(schema.propertyNames, name, [...path, name], found);
      // Like zod's objects: keys the contract does not know (a newer server's) are left out.
      if (typeof extra === 'object') copy[name] = check(extra, item, [...path, name], found);
      else if (extra === false) found.push(`${where([...path, name])}: is not expected here`);
    }
    return copy;
  };

  const checked = check(root, value, [], problems);
  return problems.length === 0 ? { ok: true, value: checked as T } : { ok: false, problems };
}
