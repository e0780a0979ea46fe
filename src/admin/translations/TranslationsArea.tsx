/** Placeholder until its owner writes it. */
export function TranslationsArea() {
  return null;
}
