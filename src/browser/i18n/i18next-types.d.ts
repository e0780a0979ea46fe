import type sv from '../../../locales/sv/kiosk.json';

// Swedish is the source of the UI strings, so `t('help.call')` is checked against it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'kiosk';
    resources: { kiosk: typeof sv };
  }
}
