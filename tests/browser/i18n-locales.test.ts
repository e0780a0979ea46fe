import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../src/browser/i18n/kiosk-i18n.ts';
import { STAFF_LANGUAGES } from '../../src/browser/i18n/staff-i18n.ts';
import { HELP_NEEDS } from '../../src/shared/api/help-calls.ts';
import { CATEGORIES } from '../../src/shared/content/categories.ts';
import { isLanguageCode } from '../../src/shared/languages.ts';

const LOCALES = join(import.meta.dirname, '../../locales');

type Strings = { [key: string]: string | Strings };

/** One file per language and namespace: locales/<code>/<namespace>.json. */
function readLocale(code: string, namespace: string): Map<string, string> {
  const strings = JSON.parse(
    readFileSync(join(LOCALES, code, `${namespace}.json`), 'utf8'),
  ) as Strings;
  const flat = new Map<string, string>();
  const walk = (node: Strings, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') flat.set(prefix + key, value);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(strings, '');
  return flat;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const withoutPluralSuffix = (key: string) => key.replace(PLURAL_SUFFIX, '');

/** The parts of a string a translation must keep: {{placeholders}} and <tags>. */
function markersOf(text: string): string[] {
  const placeholders = [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map(
    (match) => `{{${match[1]}}}`,
  );
  const tags = [...text.matchAll(/<\/?([a-zA-Z][\w-]*)\s*\/?>/g)].map((match) =>
    match[0].replace(/\s/g, ''),
  );
  return [...placeholders, ...tags].sort();
}

const languageFolders = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const namespacesIn = (code: string) =>
  readdirSync(join(LOCALES, code))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));
/** Swedish is the source: its files name the namespaces (kiosk, staff, ...). */
const NAMESPACES = namespacesIn('sv');
const localeCodesWith = (namespace: string) =>
  languageFolders.filter((code) => existsSync(join(LOCALES, code, `${namespace}.json`)));

describe('UI strings', () => {
  it('are in known languages, each file in a namespace Swedish has', () => {
    expect(languageFolders.filter((code) => !isLanguageCode(code))).toEqual([]);
    expect(NAMESPACES).toEqual(expect.arrayContaining(['kiosk', 'staff']));
    const strays = languageFolders.flatMap((code) =>
      namespacesIn(code)
        .filter((namespace) => !NAMESPACES.includes(namespace))
        .map((namespace) => `${code}/${namespace}.json`),
    );
    expect(strays).toEqual([]);
  });

  it('say for every file who wrote it, so the admin shows what a machine drafted', () => {
    const status = JSON.parse(readFileSync(join(LOCALES, 'review-status.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    const files = NAMESPACES.flatMap((namespace) =>
      localeCodesWith(namespace).map((code) => `${namespace}/${code}`),
    );
    const listed = Object.entries(status).flatMap(([namespace, codes]) =>
      Object.keys(codes).map((code) => `${namespace}/${code}`),
    );
    expect(listed.sort()).toEqual(files.sort());
    const states = Object.values(status).flatMap((codes) => Object.values(codes));
    expect(
      states.filter((state) => !['source', 'team', 'machine-drafted'].includes(state)),
    ).toEqual([]);
  });

  it('the kiosk offers every language it has strings for', () => {
    expect(UI_LANGUAGES.map((language) => language.code).sort()).toEqual(
      localeCodesWith('kiosk').sort(),
    );
    expect(UI_LANGUAGES[0]?.code).toBe('sv');
  });

  it('the staff screen offers every language it has strings for', () => {
    expect(STAFF_LANGUAGES.map((language) => language.code).sort()).toEqual(
      localeCodesWith('staff').sort(),
    );
    expect(STAFF_LANGUAGES.map((language) => language.code)).toEqual(['sv', 'en']);
  });

  it('name every category', () => {
    const source = readLocale('sv', 'kiosk');
    const missing = CATEGORIES.map((category) => `categories.${category.id}`).filter(
      (key) => !source.has(key),
    );
    expect(missing).toEqual([]);
  });

  it('name every help need on the staff screen', () => {
    const source = readLocale('sv', 'staff');
    expect(HELP_NEEDS.map((need) => `needs.${need}`).filter((key) => !source.has(key))).toEqual([]);
  });

  describe.each(
    NAMESPACES.flatMap((namespace) =>
      localeCodesWith(namespace)
        .filter((code) => code !== 'sv')
        .map((code) => ({ namespace, code })),
    ),
  )('$code/$namespace.json', ({ namespace, code }) => {
    const source = readLocale('sv', namespace);
    const strings = readLocale(code, namespace);

    it('has exactly the keys of the Swedish source, with the plural forms its language needs', () => {
      const sourceKeys = new Set([...source.keys()].map(withoutPluralSuffix));
      const keys = new Set([...strings.keys()].map(withoutPluralSuffix));
      const missing = [...sourceKeys].filter((key) => !keys.has(key));
      const extra = [...keys].filter((key) => !sourceKeys.has(key));
      // i18next picks `key_<category>` by the language's plural rules (CLDR, via Intl).
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      const pluralKeys = [...sourceKeys].filter((key) => source.has(`${key}_other`));
      const missingForms = pluralKeys.flatMap((key) =>
        categories.filter((form) => !strings.has(`${key}_${form}`)).map((form) => `${key}_${form}`),
      );
      expect({ missing, extra, missingForms }).toEqual({
        missing: [],
        extra: [],
        missingForms: [],
      });
    });

    it('keeps every placeholder and tag of the source', () => {
      const mismatched = [...strings].flatMap(([key, translated]) => {
        // A plural form keeps the placeholders of the source's "other" form ("one" may say "1").
        const text = source.get(key) ?? source.get(`${withoutPluralSuffix(key)}_other`);
        if (text === undefined || (PLURAL_SUFFIX.test(key) && !key.endsWith('_other'))) return [];
        const expected = markersOf(text).join(' ');
        const actual = markersOf(translated).join(' ');
        return expected === actual
          ? []
          : [`${key}: expected ${expected || 'none'}, found ${actual || 'none'}`];
      });
      expect(mismatched).toEqual([]);
    });

    it('has no empty strings', () => {
      expect([...strings].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    });
  });
});
