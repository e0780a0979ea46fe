/**
 * Staff accounts and their sessions, shared by the server's routes and the
 * staff and admin screens. Sessions live in an httpOnly cookie, so the
 * browser never sees a token: it only learns who is logged in.
 */
import { z } from 'zod';

/** Ranked lowest first: every role may do what the roles before it may. */
export const STAFF_ROLES = ['staff', 'editor', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** Whether `role` is `needed` or above, e.g. an admin may do what staff may. */
export function hasRole(role: StaffRole, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed);
}

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase or password manager, short enough not to be a way to tie up the server. */
export const PASSWORD_MAX_LENGTH = 1024;

/** The rule for a new password. Length is what makes a password strong; no other rules. */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for the password.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters for the password.`);

export const StaffEmail = z
  .email('Write a whole email address, e.g. anna.svensson@bibliotek.example.se.')
  .max(320);

export const StaffUser = z.object({
  id: z.number().int().positive(),
  email: z.string(),
  role: StaffRole,
});

export const LoginRequest = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(320),
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters.`),
});

/** Who is logged in: the answer to logging in and to "who am I?". */
export const StaffSession = z.object({ user: StaffUser });

export const ACCOUNTS_API = {
  login: { method: 'POST', path: '/api/auth/login', request: LoginRequest, response: StaffSession },
  /** Ends the session and clears the cookie; answers 204, also when nobody was logged in. */
  logout: { method: 'POST', path: '/api/auth/logout' },
  me: { method: 'GET', path: '/api/auth/me', response: StaffSession },
} as const;

export type StaffUser = z.infer<typeof StaffUser>;
export type LoginRequest = z.infer<typeof LoginRequest>;
export type StaffSession = z.infer<typeof StaffSession>;
