/**
 * Who is logged in to the admin area, for every screen in it (the guide
 * editor's areas take no props). The shell provides it once the session is
 * known, so inside the area there is always a user.
 */
import { createContext, useContext } from 'react';
import { hasRole, type StaffRole, type StaffUser } from '../../shared/api/accounts.ts';

export const CurrentUserContext = createContext<StaffUser | undefined>(undefined);

export function useCurrentUser(): StaffUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is only for screens inside the admin area');
  return user;
}

/** Whether the logged-in person has `role` or above, e.g. to show "Edit" to admins only. */
export function useHasRole(role: StaffRole): boolean {
  return hasRole(useCurrentUser().role, role);
}
