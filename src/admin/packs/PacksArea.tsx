/** Placeholder until its owner writes it. */
export function PacksArea() {
  return null;
}
