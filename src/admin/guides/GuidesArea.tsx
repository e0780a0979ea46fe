/** Placeholder until its owner writes it. */
export function GuidesArea() {
  return null;
}
