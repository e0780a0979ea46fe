/**
 * What a staff device remembers between visits: the branch it watches.
 * A staff phone or desk computer is not a kiosk, so remembering is fine;
 * nothing about visitors is ever stored.
 */
const BRANCH_KEY = 'lotsen.staff.branch';

export function rememberedBranchId(): number | undefined {
  try {
    const id = Number(localStorage.getItem(BRANCH_KEY));
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

export function rememberBranch(id: number | undefined): void {
  try {
    if (id === undefined) localStorage.removeItem(BRANCH_KEY);
    else localStorage.setItem(BRANCH_KEY, String(id));
  } catch {
    // Storage switched off: the choice holds until the page is closed.
  }
}
