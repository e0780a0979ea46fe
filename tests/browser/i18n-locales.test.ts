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

    it('has exactly the keys of the Swedish source', () => {
      const missing = [...source.keys()].filter((key) => !strings.has(key));
      const extra = [...strings.keys()].filter((key) => !source.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('keeps every placeholder and tag of the source', () => {
      const mismatched = [...source].flatMap(([key, text]) => {
        const translated = strings.get(key);
        if (translated === undefined) return [];
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
