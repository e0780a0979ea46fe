import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../src/browser/i18n/kiosk-i18n.ts';
import { CATEGORIES } from '../../src/shared/content/categories.ts';
import { isLanguageCode } from '../../src/shared/languages.ts';

const LOCALES = join(import.meta.dirname, '../../locales');

type Strings = { [key: string]: string | Strings };

function readLocale(code: string): Map<string, string> {
  const strings = JSON.parse(readFileSync(join(LOCALES, code, 'kiosk.json'), 'utf8')) as Strings;
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

const localeCodes = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(LOCALES, entry.name, 'kiosk.json')))
  .map((entry) => entry.name);
const source = readLocale('sv');

describe('UI strings', () => {
  it('are in known languages, and the kiosk offers every one of them', () => {
    expect(localeCodes.filter((code) => !isLanguageCode(code))).toEqual([]);
    expect(UI_LANGUAGES.map((language) => language.code).sort()).toEqual([...localeCodes].sort());
    expect(UI_LANGUAGES[0]?.code).toBe('sv');
  });

  it('name every category', () => {
    const missing = CATEGORIES.map((category) => `categories.${category.id}`).filter(
      (key) => !source.has(key),
    );
    expect(missing).toEqual([]);
  });

  describe.each(localeCodes.filter((code) => code !== 'sv'))('%s', (code) => {
    const strings = readLocale(code);

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
