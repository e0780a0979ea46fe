// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { GuidesArea } from '../../src/admin/guides/GuidesArea.tsx';
import { adminI18n, changeAdminLanguage } from '../../src/browser/i18n/admin-i18n.ts';
import type { GuideEditorState } from '../../src/shared/api/guide-editing.ts';
import type { GuideDraft } from '../../src/shared/content/guide-draft.ts';
import { BANKID_GUIDE } from '../fixtures/kiosk-guides.ts';
import { FakeApi, json } from '../staff/staff-fakes.ts';

const GUIDE_URL = '/api/admin/guides/install-mobilt-bankid';

/** The BankID guide, with its second step also in Arabic. */
const DRAFT: GuideDraft = {
  ...BANKID_GUIDE,
  text: { ...BANKID_GUIDE.text, ar: { title: 'احصل على BankID', summary: '' } },
  steps: BANKID_GUIDE.steps.map((step) =>
    step.id === 'install-app'
      ? {
          ...step,
          text: {
            ...step.text,
            ar: {
              title: 'ثبّت تطبيق BankID',
              body: 'ابحث عن **BankID** واضغط على [[Installera]].',
              callouts: [{ kind: 'warning', text: 'لا تثبّت تطبيقًا لأن أحدًا اتصل بك.' }],
            },
          },
        }
      : step,
  ),
};

function editorState(overrides: Partial<GuideEditorState> = {}): GuideEditorState {
  return {
    id: DRAFT.id,
    draft: DRAFT,
    revision: 3,
    savedAt: '2026-11-22T09:00:00.000Z',
    savedBy: 'anna@bibliotek.example.se',
    published: {
      version: 1,
      release: 4,
      publishedAt: '2026-11-20T09:00:00.000Z',
      publishedBy: 'anna@bibliotek.example.se',
      note: '',
      languages: ['sv', 'en'],
    },
    unpublishedChanges: true,
    translations: [
      {
        language: 'en',
        state: 'current',
        totalParts: 4,
        missingParts: [],
        outdatedParts: [],
        machineDrafted: false,
      },
      {
        language: 'ar',
        state: 'incomplete',
        totalParts: 4,
        missingParts: [
          { part: 'what-you-need', stepNumber: 1 },
          { part: 'ask-for-help', stepNumber: 3 },
        ],
        outdatedParts: [],
        machineDrafted: false,
      },
    ],
    publishProblems: null,
    omittedLanguages: [
      { language: 'ar', reasons: ['Step 1 has no Arabic title.', 'Step 3 has no Arabic text.'] },
    ],
    ...overrides,
  };
}

/** The value, or a failed test saying it was not there. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected it to be there');
  return value;
}

let api: FakeApi;

beforeEach(async () => {
  await changeAdminLanguage('sv');
  api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  api.on('GET', `${GUIDE_URL}/versions`, () => json({ versions: [] }));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openEditor(path = '/guides/install-mobilt-bankid') {
  const [pathname = '', search = ''] = path.split('?');
  const location = memoryLocation({ path: pathname, searchPath: search });
  render(
    <I18nextProvider i18n={adminI18n}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <GuidesArea />
      </Router>
    </I18nextProvider>,
  );
  return location;
}

const firstStepTitle = () =>
  screen.getByLabelText<HTMLInputElement>('Stegets titel', {
    selector: '#field-steps-0-text-sv-title',
  });

// The editor is a big form: jsdom needs a while to render and query it.
describe('the guide editor', { timeout: 20_000 }, () => {
  it('keeps the editor’s text after a draft conflict and saves it over theirs on "Keep mine"', async () => {
    const theirs = editorState({
      revision: 4,
      savedBy: 'bo@bibliotek.example.se',
      savedAt: '2026-11-22T10:15:00.000Z',
      draft: { ...DRAFT, lastVerified: '2026-11-23' },
    });
    api
      .on('GET', GUIDE_URL, () => json(editorState()))
      .on(
        'PUT',
        `${GUIDE_URL}/draft`,
        () =>
          json(
            {
              statusCode: 409,
              error: 'Conflict',
              message: 'Someone else saved this guide after you opened it.',
              code: 'draft-conflict',
              current: theirs,
            },
            409,
          ),
        (body) => json(editorState({ revision: 5, draft: (body as { draft: GuideDraft }).draft })),
      );
    openEditor();

    fireEvent.change(await waitFor(firstStepTitle), {
      target: { value: 'Kolla vad du behöver först' },
    });
    expect(screen.getByText('Osparade ändringar')).toBeTruthy();
    fireEvent.click(present(screen.getAllByText('Spara utkast')[0]));

    const alert = (await screen.findByText('Någon annan har sparat guiden')).closest(
      '[role="alert"]',
    );
    expect(alert?.textContent).toContain('bo@bibliotek.example.se');
    // Nothing is lost: the editor's words are still in the form.
    expect(firstStepTitle().value).toBe('Kolla vad du behöver först');
    expect(api.requestsTo('PUT', `${GUIDE_URL}/draft`)[0]?.body).toMatchObject({
      baseRevision: 3,
    });

    fireEvent.click(screen.getByText('Behåll min (spara över deras)'));

    await waitFor(() => {
      expect(api.requestsTo('PUT', `${GUIDE_URL}/draft`)).toHaveLength(2);
    });
    const resave = api.requestsTo('PUT', `${GUIDE_URL}/draft`)[1]?.body as {
      baseRevision: number;
      draft: GuideDraft;
    };
    expect(resave.baseRevision).toBe(4);
    expect(resave.draft.steps[0]?.text.sv?.title).toBe('Kolla vad du behöver först');
    // Mine, not theirs: their date change is not in what was saved.
    expect(resave.draft.lastVerified).toBe(DRAFT.lastVerified);
    await waitFor(() => {
      expect(screen.queryByText('Någon annan har sparat guiden')).toBeNull();
    });
    expect(screen.queryByText('Osparade ändringar')).toBeNull();
  });

  it('"Use theirs" replaces the form with the draft saved in between', async () => {
    const theirs = editorState({
      revision: 4,
      savedBy: 'bo@bibliotek.example.se',
      draft: {
        ...DRAFT,
        steps: DRAFT.steps.map((step, index) =>
          index === 0
            ? {
                ...step,
                text: { ...step.text, sv: { ...present(step.text.sv), title: 'Bos titel' } },
              }
            : step,
        ),
      },
    });
    api
      .on('GET', GUIDE_URL, () => json(editorState()))
      .on('PUT', `${GUIDE_URL}/draft`, () =>
        json(
          {
            statusCode: 409,
            error: 'Conflict',
            message: 'Someone else saved.',
            code: 'draft-conflict',
            current: theirs,
          },
          409,
        ),
      );
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    openEditor();
    fireEvent.change(await waitFor(firstStepTitle), { target: { value: 'Min titel' } });
    fireEvent.click(present(screen.getAllByText('Spara utkast')[0]));
    await screen.findByText('Någon annan har sparat guiden');
    // The differences name both texts, word by word.
    const differences = present(screen.getByText('Visa vad som skiljer').closest('details'));
    expect(within(differences).getByText('Bos', { exact: false, selector: 'del' })).toBeTruthy();
    expect(within(differences).getByText('Min', { exact: false, selector: 'ins' })).toBeTruthy();

    fireEvent.click(screen.getByText('Använd deras (släng min)'));
    expect(firstStepTitle().value).toBe('Bos titel');
    expect(screen.queryByText('Någon annan har sparat guiden')).toBeNull();
  });

  it('shows problems by their fields and does not send a draft the server would refuse', async () => {
    api.on('GET', GUIDE_URL, () => json(editorState()));
    openEditor();
    const body = await screen.findByLabelText<HTMLTextAreaElement>('Text', {
      selector: '#field-steps-1-text-sv-body',
    });
    fireEvent.change(body, { target: { value: 'Tryck på [[Installera' } });
    fireEvent.click(present(screen.getAllByText('Spara utkast')[0]));

    expect(body.getAttribute('aria-invalid')).toBe('true');
    const problem = document.getElementById(
      present(present(body.getAttribute('aria-describedby')).split(' ')[1]),
    );
    expect(problem?.textContent).toContain('"[["');
    expect(api.requestsTo('PUT', `${GUIDE_URL}/draft`)).toHaveLength(0);
  });

  it('moves a step with a button and says where it went', async () => {
    api.on('GET', GUIDE_URL, () => json(editorState()));
    openEditor();
    fireEvent.click(await screen.findByRole('button', { name: 'Flytta steg 1 ned' }));
    expect(screen.getByRole('heading', { level: 3, name: /^Steg 2: Kontrollera/ })).toBeTruthy();
    expect(screen.getByText('”Kontrollera vad du behöver” är nu steg 2 av 3.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('move-down-what-you-need');
  });

  it('previews an Arabic step right to left with the kiosk’s own StepView, and switches steps', async () => {
    api.on('GET', GUIDE_URL, () => json(editorState()));
    openEditor('/guides/install-mobilt-bankid?lang=ar');
    const preview = await screen.findByRole('region', { name: 'Förhandsvisning' });
    fireEvent.change(within(preview).getByLabelText('Visa på'), { target: { value: 'ar' } });

    // Step 1 has no Arabic yet: the preview says so instead of failing.
    expect(within(preview).getByText(/Steg 1 finns inte på arabiska/)).toBeTruthy();
    fireEvent.click(within(preview).getByRole('button', { name: 'Nästa steg' }));

    const kiosk = within(preview).getByTestId('preview');
    expect(kiosk.getAttribute('dir')).toBe('rtl');
    expect(kiosk.getAttribute('lang')).toBe('ar');
    const article = kiosk.querySelector('article.step');
    expect(article?.getAttribute('dir')).toBe('rtl');
    expect(within(kiosk).getByRole('heading', { level: 3 }).textContent).toBe('ثبّت تطبيق BankID');
    // The kiosk's exact on-screen label, kept left to right in Swedish.
    const label = kiosk.querySelector('.screen-label');
    expect(label?.textContent).toBe('Installera');
    expect(label?.getAttribute('dir')).toBe('ltr');
    expect(kiosk.querySelector('.callout-warning')).toBeTruthy();
    expect(within(preview).getByText('Steg 2 av 3')).toBeTruthy();

    fireEvent.click(within(preview).getByRole('button', { name: 'Föregående steg' }));
    expect(within(preview).queryByTestId('preview')).toBeNull();
  });

  it('shows which languages a publish leaves out, and the published version after publishing', async () => {
    const published = editorState({
      revision: 4,
      unpublishedChanges: false,
      published: {
        version: 2,
        release: 5,
        publishedAt: '2026-11-22T11:00:00.000Z',
        publishedBy: 'anna@bibliotek.example.se',
        note: 'Nya skärmar',
        languages: ['sv', 'en'],
      },
    });
    api
      .on('GET', GUIDE_URL, () => json(editorState()))
      .on('POST', `${GUIDE_URL}/publish`, () =>
        json({ version: published.published, omittedLanguages: [], state: published }),
      );
    openEditor();
    const panel = await screen.findByRole('region', { name: 'Publicera' });
    expect(within(panel).getByText(/kommer inte med/)).toBeTruthy();
    expect(within(panel).getByText(/arabiska/)).toBeTruthy();
    expect(within(panel).getByText('Step 1 has no Arabic title.')).toBeTruthy();

    fireEvent.change(within(panel).getByLabelText('Anteckning till historiken (valfri)'), {
      target: { value: 'Nya skärmar' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Publicera' }));
    expect(
      await within(panel).findByText(
        'Version 2 är publicerad. Surfplattorna hämtar den nästa gång de synkar.',
      ),
    ).toBeTruthy();
    expect(api.requestsTo('POST', `${GUIDE_URL}/publish`)[0]?.body).toEqual({
      baseRevision: 3,
      note: 'Nya skärmar',
    });
  });

  it('cannot publish while the Swedish is incomplete, and lists why', async () => {
    api.on('GET', GUIDE_URL, () =>
      json(editorState({ publishProblems: ['Step 2 has no Swedish title.'] })),
    );
    openEditor();
    const panel = await screen.findByRole('region', { name: 'Publicera' });
    expect(within(panel).getByText('Step 2 has no Swedish title.')).toBeTruthy();
    expect(
      within(panel).getByRole<HTMLButtonElement>('button', { name: 'Publicera' }).disabled,
    ).toBe(true);
  });

  it('shows an outdated translation’s changed steps and confirms it is still correct', async () => {
    const outdated = editorState({
      translations: [
        {
          language: 'en',
          state: 'outdated',
          totalParts: 4,
          missingParts: [],
          outdatedParts: [{ part: 'install-app', stepNumber: 2 }],
          machineDrafted: false,
        },
      ],
    });
    api
      .on('GET', GUIDE_URL, () => json(outdated))
      .on('POST', `${GUIDE_URL}/translations/en/confirm`, () => json(editorState({ revision: 4 })));
    openEditor('/guides/install-mobilt-bankid?lang=en');
    expect(await screen.findByText('Den svenska texten har ändrats i: steg 2.')).toBeTruthy();
    expect(
      screen.getAllByText(
        'Den svenska texten i det här steget har ändrats sedan översättningen skrevs.',
      ),
    ).toHaveLength(1);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Översättningen är kontrollerad: den stämmer fortfarande',
      }),
    );
    await waitFor(() => {
      expect(screen.queryByText('Den svenska texten har ändrats i: steg 2.')).toBeNull();
    });
    expect(api.requestsTo('POST', `${GUIDE_URL}/translations/en/confirm`)[0]?.body).toEqual({
      baseRevision: 3,
    });
  });
  it('asks before leaving with unsaved changes, and stays when the editor says no', async () => {
    api.on('GET', GUIDE_URL, () => json(editorState()));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    openEditor();
    fireEvent.change(await waitFor(firstStepTitle), { target: { value: 'Ändrad' } });
    fireEvent.click(screen.getByRole('link', { name: 'Tillbaka till guiderna' }));
    expect(confirm).toHaveBeenCalledWith(
      'Du har ändringar som inte är sparade. Vill du lämna guiden ändå? Ändringarna försvinner.',
    );
    expect(firstStepTitle().value).toBe('Ändrad');
    // Still the editor, not the list of guides.
    expect(screen.queryByRole('heading', { name: 'Ny guide' })).toBeNull();
  });
});
