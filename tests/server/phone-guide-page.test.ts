import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSeedContent } from '../../src/server/seed/seed-content.ts';
import { FIXTURE_SVG, fixtureGuideJson, startTestApp } from './helpers.ts';

/** A guide in Swedish, English and Arabic, with text that tries to be HTML. */
function phoneGuideJson(): Record<string, unknown> {
  const words = (title: string, body: string, extra: Record<string, unknown> = {}) => ({
    title,
    body,
    ...extra,
  });
  return fixtureGuideJson({
    id: 'phone-guide',
    text: {
      sv: { title: 'Logga in <hos> FK', summary: 'Så loggar du in.' },
      en: { title: 'Log in to FK', summary: 'How to log in.' },
      ar: { title: 'تسجيل الدخول', summary: '' },
    },
    steps: [
      {
        id: 'open-website',
        link: { url: 'https://www.forsakringskassan.se' },
        text: {
          sv: words('Öppna webbplatsen', 'Skriv <script>alert(1)</script> & tryck [[Logga in]].'),
          en: words('Open the website', 'Tap [[Logga in|Log in]] at {infoDesk}.\n\n- one\n- two', {
            callouts: [{ kind: 'warning', text: 'Never **share** your code.' }],
          }),
          ar: words('افتح الموقع', 'اضغط [[Logga in|تسجيل الدخول]].'),
        },
      },
      {
        id: 'with-picture',
        image: { id: 'test-phone', width: 300, height: 600 },
        text: {
          sv: words('Titta på bilden', 'Bilden visar appen.', { imageAlt: 'En "telefon" <b>' }),
          en: words('Look at the picture', 'It shows the app.', { imageAlt: 'A phone.' }),
          ar: words('انظر إلى الصورة', 'تظهر التطبيق.', { imageAlt: 'هاتف.' }),
        },
      },
    ],
  });
}

async function phoneApp() {
  return startTestApp({
    content: parseSeedContent({
      guides: { './guides/phone-guide.json': phoneGuideJson() },
      images: { './images/test-phone.svg': FIXTURE_SVG },
    }),
  });
}

async function getPage(url: string) {
  const { app } = await phoneApp();
  return app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
}

describe('GET /phone/guides/:id', () => {
  it('renders every step as a section with its anchor, in the language asked for', async () => {
    const response = await getPage('/phone/guides/phone-guide?lang=en');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<title>Log in to FK</title>');
    expect(html).toContain('<h1>Log in to FK</h1>');
    expect(html).toContain('<section class="step" id="step-1" aria-labelledby="step-1-title">');
    expect(html).toContain('<section class="step" id="step-2" aria-labelledby="step-2-title">');
    expect(html).not.toContain('id="step-3"');
    expect(html).toContain('Step 1 of 2');
    expect(html).toContain('<h2 id="step-1-title">Open the website</h2>');
    // The screen's Swedish words, highlighted, with their meaning; settings of the default branch.
    expect(html).toContain(
      'Tap <bdi><mark lang="sv" dir="ltr">Logga in</mark></bdi> (Log in) at <bdi>Informationsdisken vid entrén</bdi>.',
    );
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toMatch(
      /<aside class="callout callout-warning"><strong class="callout-name">Warning<\/strong><p>Never <strong>share<\/strong> your code\.<\/p><\/aside>/,
    );
    // On the visitor's own phone a link is fine: a real one, to the service.
    expect(html).toContain(
      '<a href="https://www.forsakringskassan.se/" rel="noopener noreferrer" dir="ltr">www.forsakringskassan.se</a>',
    );
    expect(html).toMatch(
      /<img src="\/api\/images\/test-phone\?v=[a-f0-9]{64}" width="300" height="600" alt="A phone\."/,
    );
    expect(html).not.toContain('Öppna webbplatsen');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('escapes HTML in every piece of guide text', async () => {
    const html = (await getPage('/phone/guides/phone-guide?lang=sv')).body;
    expect(html).toContain('<html lang="sv" dir="ltr">');
    expect(html).toContain('<h1>Logga in &lt;hos&gt; FK</h1>');
    expect(html).toContain('Skriv &lt;script&gt;alert(1)&lt;/script&gt; &amp; tryck');
    expect(html).toContain('alt="En &quot;telefon&quot; &lt;b&gt;"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<hos>');
  });

  it('reads right to left in Arabic', async () => {
    const html = (await getPage('/phone/guides/phone-guide?lang=ar')).body;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1>تسجيل الدخول</h1>');
    // The Swedish label keeps its own direction inside the Arabic text.
    expect(html).toContain('<mark lang="sv" dir="ltr">Logga in</mark></bdi> (تسجيل الدخول)');
  });

  it('falls back to the branch fallback language, else Swedish, and says so', async () => {
    const { app, db } = await phoneApp();
    const get = async () =>
      (await app.inject({ method: 'GET', url: '/phone/guides/phone-guide?lang=uk' })).body;

    let html = await get();
    expect(html).toContain('<html lang="sv" dir="ltr">');
    expect(html).toContain('<h1>Logga in &lt;hos&gt; FK</h1>');
    expect(html).toMatch(/<p class="notice" role="note" lang="uk" dir="ltr">[^<]+<\/p>/);

    db.prepare("UPDATE branches SET fallback_language = 'en'").run();
    html = await get();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<h1>Log in to FK</h1>');
    expect(html).toMatch(/<p class="notice" role="note" lang="uk" dir="ltr">/);

    // The language asked for, when the guide has it: no notice.
    const english = await app.inject({ method: 'GET', url: '/phone/guides/phone-guide?lang=en' });
    expect(english.body).not.toContain('class="notice"');
  });

  it('names the fallback language in the words of the language asked for', async () => {
    const html = (await getPage('/phone/guides/phone-guide?lang=fi')).body;
    // Finnish has no text in this guide: shown in Swedish, said with Finnish's name for Swedish.
    expect(html).toContain('<html lang="sv" dir="ltr">');
    expect(html).toMatch(/lang="fi" dir="ltr">[^<]*ruotsi/);
  });

  it('answers a friendly 404 page in Swedish and English for an unknown or unpublished guide', async () => {
    const { app, db } = await phoneApp();
    for (const url of [
      '/phone/guides/no-such-guide',
      '/phone/guides/NOT%20A%20SLUG?lang=en',
      '/phone/guides/',
      '/phone/anything',
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.body, url).toContain('<h1>Guiden finns inte</h1>');
      expect(response.body, url).toContain('<section lang="en"><h2>There is no such guide</h2>');
    }
    db.prepare("DELETE FROM guides WHERE id = 'phone-guide'").run();
    const unpublished = await app.inject({ method: 'GET', url: '/phone/guides/phone-guide' });
    expect(unpublished.statusCode).toBe(404);
  });

  it('answers 400 for a language Lotsen does not know', async () => {
    const { app } = await phoneApp();
    for (const url of [
      '/phone/guides/phone-guide?lang=xx',
      '/phone/guides/phone-guide?lang=prs',
      '/phone/guides/phone-guide?lang=en&lang=sv',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.body, url).toContain('<h1>Okänt språk</h1>');
      expect(response.body, url).toContain('Unknown language');
    }
    // No ?lang: the guide's own language, Swedish.
    const plain = await app.inject({ method: 'GET', url: '/phone/guides/phone-guide' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('<html lang="sv" dir="ltr">');
  });

  it('sends a strict Content-Security-Policy that still allows the page its own style', async () => {
    const response = await getPage('/phone/guides/phone-guide?lang=en');
    const csp = String(response.headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('img-src')).toEqual(["'self'"]);
    expect(directives.has('script-src')).toBe(false);
    expect(csp).not.toContain('unsafe-inline');
    // The one <style> is allowed by its hash, so the browser applies it.
    const styles = [...response.body.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256')
      .update(styles[0]?.[1] ?? '')
      .digest('base64');
    expect(directives.get('style-src')).toEqual([`'sha256-${hash}'`]);
    expect(response.body).not.toMatch(/\sstyle="/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is not the kiosk app even when the app is built', async () => {
    const { app } = await startTestApp({
      clientFiles: { 'index.html': '<!doctype html><title>Lotsen kiosk</title>' },
    });
    const response = await app.inject({
      method: 'GET',
      url: '/phone/guides/unknown-guide',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Lotsen kiosk');
  });
});
