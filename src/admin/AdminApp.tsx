/** Placeholder until its owner writes it. */
export function AdminApp() {
  return null;
}
