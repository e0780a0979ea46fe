/**
 * Links staff open on a tablet: `?pair=123456` pairs it with that code,
 * `?setup` opens the setup screen. Both are removed from the address once
 * used, so a reload does not repeat them.
 */

export function pairingCodeInUrl(href: string): string | null {
  const code = new URL(href).searchParams.get('pair');
  return code === null || code.trim() === '' ? null : code.trim();
}

export function setupAskedInUrl(href: string): boolean {
  return new URL(href).searchParams.has('setup');
}

/** The same address (path, other parameters, hash) without the named parameters. */
export function urlWithout(href: string, names: readonly string[]): string {
  const url = new URL(href);
  for (const name of names) url.searchParams.delete(name);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Removes the parameters from the address bar without a reload or a history entry. */
export function removeFromAddress(names: readonly string[]): void {
  const cleaned = urlWithout(window.location.href, names);
  window.history.replaceState(window.history.state, '', cleaned);
}
