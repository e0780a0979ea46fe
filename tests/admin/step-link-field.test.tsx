// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/admin/guides/draft-editing.ts';
import { GuidePreview } from '../../src/admin/guides/GuidePreview.tsx';
import { StepLinkField } from '../../src/admin/guides/StepLinkField.tsx';
import { adminI18n, changeAdminLanguage } from '../../src/browser/i18n/admin-i18n.ts';
import type { DraftStep, GuideDraft } from '../../src/shared/content/guide-draft.ts';
import { BANKID_GUIDE } from '../fixtures/kiosk-guides.ts';

const SCHEMA_MESSAGE = 'Use a full https:// address, e.g. https://www.forsakringskassan.se.';

beforeEach(async () => {
  await changeAdminLanguage('en');
});
afterEach(cleanup);

/** The field on the BankID guide's first step; `latest()` is the step as the editor holds it. */
function renderField() {
  let current: DraftStep | undefined;
  function Harness() {
    const [step, setStep] = useState<DraftStep>(BANKID_GUIDE.steps[0] as DraftStep);
    current = step;
    return (
      <StepLinkField
        step={step}
        index={0}
        problems={new Map()}
        onChange={(change) => {
          setStep(change);
        }}
      />
    );
  }
  render(
    <I18nextProvider i18n={adminI18n}>
      <Harness />
    </I18nextProvider>,
  );
  return { latest: () => current };
}

const field = () =>
  screen.getByRole('textbox', {
    name: 'Step 1: link to the service (shown as a QR code)',
  });

describe('StepLinkField', { timeout: 30_000 }, () => {
  it('stores an https address as the step link, and removes it when emptied', () => {
    const { latest } = renderField();
    fireEvent.change(field(), { target: { value: ' https://www.forsakringskassan.se ' } });
    expect(latest()?.link).toEqual({ url: 'https://www.forsakringskassan.se' });
    fireEvent.blur(field());
    expect(field().getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(field(), { target: { value: '' } });
    expect(latest()).not.toHaveProperty('link');
  });

  it("says what is wrong with an address that is not https, in the schema's words", () => {
    renderField();
    fireEvent.change(field(), { target: { value: 'http://www.forsakringskassan.se' } });
    // Not while typing: when the field is left.
    expect(screen.queryByText(SCHEMA_MESSAGE)).toBeNull();
    fireEvent.blur(field());
    expect(screen.getByText(SCHEMA_MESSAGE)).toBeTruthy();
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain('field-steps-0-link-url-problem');
  });

  it('is checked with the draft, so a wrong address cannot be saved', () => {
    const draft: GuideDraft = {
      ...BANKID_GUIDE,
      steps: BANKID_GUIDE.steps.map((step, index) =>
        index === 0 ? { ...step, link: { url: 'javascript:alert(1)' } } : step,
      ),
    };
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.get('steps.0.link.url')).toBe(SCHEMA_MESSAGE);
  });

  it('shows in the preview as the kiosk shows it: a QR code card', async () => {
    const draft: GuideDraft = {
      ...BANKID_GUIDE,
      steps: BANKID_GUIDE.steps.map((step, index) =>
        index === 0 ? { ...step, link: { url: 'https://www.bankid.com' } } : step,
      ),
    };
    render(
      <I18nextProvider i18n={adminI18n}>
        <GuidePreview draft={draft} initialLanguage="en" />
      </I18nextProvider>,
    );
    const preview = await screen.findByTestId('preview');
    const qr = await within(preview).findByRole('img', {
      name: 'QR code that opens www.bankid.com',
    });
    expect(qr.getAttribute('data-qr-text')).toBe('https://www.bankid.com');
    expect(preview.querySelectorAll('a')).toHaveLength(0);
  });
});
