// @vitest-environment jsdom
import { afterAll, describe, expect, it } from 'vitest';
import { changeStaffLanguage, staffI18n } from '../../src/browser/i18n/staff-i18n.ts';

afterAll(async () => {
  await changeStaffLanguage('sv');
  localStorage.clear();
});

describe('changeStaffLanguage', () => {
  it('starts in Swedish, which is bundled', () => {
    expect(staffI18n.language).toBe('sv');
    expect(staffI18n.t('staff:call.acknowledge')).toBe('Jag kommer');
  });

  it('loads English, sets <html lang> and remembers the choice on this device', async () => {
    await changeStaffLanguage('en');
    expect(staffI18n.t('staff:call.acknowledge')).toBe("I'm coming");
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('lotsen.staff.language')).toBe('en');
  });

  it('refuses a language the staff screen is not written in', async () => {
    await expect(changeStaffLanguage('ar')).rejects.toThrow(/no UI strings/);
  });
});
