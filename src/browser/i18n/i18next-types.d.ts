import type kiosk from '../../../locales/sv/kiosk.json';
import type staff from '../../../locales/sv/staff.json';
import type admin from '../../../locales/sv/admin.json';
import type editor from '../../../locales/sv/editor.json';

// Swedish is the source of the UI strings, so `t('help.call')` is checked against it.
// Each area has its own namespace; the staff screen asks for `useTranslation('staff')`, the
// admin area for 'admin' (accounts, branches, tablets) and 'editor' (guides, translations, packs).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'kiosk';
    resources: {
      kiosk: typeof kiosk;
      staff: typeof staff;
      admin: typeof admin;
      editor: typeof editor;
    };
  }
}
