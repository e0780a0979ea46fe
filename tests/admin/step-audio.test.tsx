// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { GuidesArea } from '../../src/admin/guides/GuidesArea.tsx';
import { adminI18n, changeAdminLanguage } from '../../src/browser/i18n/admin-i18n.ts';
import type { GuideEditorState, UploadedAudio } from '../../src/shared/api/guide-editing.ts';
import type { GuideDraft } from '../../src/shared/content/guide-draft.ts';
import { BANKID_GUIDE } from '../fixtures/kiosk-guides.ts';
import { FakeApi, json, problem } from '../staff/staff-fakes.ts';

const GUIDE_URL = '/api/admin/guides/install-mobilt-bankid';
const CLIP: UploadedAudio = {
  id: 'aud-0123456789abcdef',
  mimeType: 'audio/ogg',
  sha256: 'a'.repeat(64),
  size: 9,
};

/** The BankID guide; its second step also in Arabic, read aloud. */
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
              callouts: [],
              audio: { id: 'aud-fedcba9876543210' },
            },
          },
        }
      : step,
  ),
};

function editorState(draft: GuideDraft = DRAFT, revision = 3): GuideEditorState {
  return {
    id: draft.id,
    draft,
    revision,
    savedAt: '2026-11-22T09:00:00.000Z',
    savedBy: 'anna@bibliotek.example.se',
    published: null,
    unpublishedChanges: true,
    translations: [],
    publishProblems: null,
    omittedLanguages: [],
  };
}

let api: FakeApi;

beforeEach(async () => {
  await changeAdminLanguage('sv');
  api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  api
    .on('GET', `${GUIDE_URL}/versions`, () => json({ versions: [] }))
    .on('GET', GUIDE_URL, () => json(editorState()))
    .on('PUT', `${GUIDE_URL}/draft`, (body) =>
      json(editorState((body as { draft: GuideDraft }).draft, 4)),
    );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openEditor(language: string) {
  const location = memoryLocation({
    path: '/guides/install-mobilt-bankid',
    searchPath: `lang=${language}`,
  });
  render(
    <I18nextProvider i18n={adminI18n}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <GuidesArea />
      </Router>
    </I18nextProvider>,
  );
}

async function saveDraft(): Promise<GuideDraft> {
  const saves = api.requestsTo('PUT', `${GUIDE_URL}/draft`).length;
  fireEvent.click(screen.getAllByText('Spara utkast')[0] as HTMLElement);
  await waitFor(() => {
    expect(api.requestsTo('PUT', `${GUIDE_URL}/draft`)).toHaveLength(saves + 1);
  });
  return (api.requestsTo('PUT', `${GUIDE_URL}/draft`).at(-1)?.body as { draft: GuideDraft }).draft;
}

const oggFile = () =>
  new File([new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 1, 2, 3])], 'steg-1.ogg', {
    type: 'audio/ogg',
  });

describe('a step’s read-aloud recording in the editor', { timeout: 20_000 }, () => {
  it('uploads a Somali recording, plays it from the server and saves it in the draft', async () => {
    api.on('POST', '/api/admin/audio', () => json(CLIP, 201));
    openEditor('so');

    const input = await screen.findByLabelText<HTMLInputElement>(
      /^Ladda upp en inspelning av steg 1 på somaliska/,
    );
    expect(input.accept).toBe('audio/*');
    fireEvent.change(input, { target: { files: [oggFile()] } });

    const preview = await screen.findByLabelText(/^Inspelning av steg 1 på somaliska/);
    expect(preview.tagName).toBe('AUDIO');
    expect(preview.getAttribute('src')).toBe(`/api/images/${CLIP.id}`);
    expect(preview.hasAttribute('controls')).toBe(true);
    // The file went as it is, with its own type.
    const sent = api.fetch.mock.calls.find(([url]) => url === '/api/admin/audio')?.[1];
    expect(sent?.body).toBeInstanceOf(Blob);
    expect(new Headers(sent?.headers).get('content-type')).toBe('audio/ogg');
    expect(screen.getByLabelText(/^Byt inspelningen av steg 1 på somaliska/)).toBeTruthy();

    const saved = await saveDraft();
    // A recording before any Somali words: the language stays in the draft for it.
    expect(saved.steps[0]?.text.so).toEqual({
      title: '',
      body: '',
      callouts: [],
      audio: { id: CLIP.id },
    });
    expect(saved.steps[0]?.text.sv?.audio).toBeUndefined();
  });

  it('removes a recording and keeps the words', async () => {
    openEditor('ar');
    const remove = await screen.findByRole('button', {
      name: /^Ta bort inspelningen av steg 2 på arabiska/,
    });
    expect(screen.getByLabelText(/^Inspelning av steg 2 på arabiska/).getAttribute('src')).toBe(
      '/api/images/aud-fedcba9876543210',
    );

    fireEvent.click(remove);
    expect(screen.queryByLabelText(/^Inspelning av steg 2 på arabiska/)).toBeNull();
    expect(screen.getByLabelText(/^Ladda upp en inspelning av steg 2 på arabiska/)).toBeTruthy();

    const saved = await saveDraft();
    expect(saved.steps[1]?.text.ar).toEqual({
      title: 'ثبّت تطبيق BankID',
      body: 'ابحث عن **BankID** واضغط على [[Installera]].',
      callouts: [],
    });
  });

  it('says why the server refused a recording, and changes nothing', async () => {
    const refusal = 'Lotsen takes recordings as MP3, M4A, Ogg or WebM.';
    api.on('POST', '/api/admin/audio', () => problem(415, refusal));
    openEditor('ar');

    const input = await screen.findByLabelText<HTMLInputElement>(
      /^Ladda upp en inspelning av steg 1 på svenska/,
    );
    fireEvent.change(input, { target: { files: [oggFile()] } });

    expect((await screen.findByRole('alert')).textContent).toContain(refusal);
    expect(screen.queryByLabelText(/^Inspelning av steg 1 på svenska/)).toBeNull();
    expect(screen.queryByText('Osparade ändringar')).toBeNull();
  });
});
