/**
 * Running a Lotsen: the first admin, staff accounts, library branches and
 * library-wide settings. Admins only, except the one-time setup, which
 * works only while there is no admin at all.
 */
import { z } from 'zod';
import { LanguageCodeSchema } from '../content/guide.ts';
import { NewPassword, StaffEmail, StaffRole, StaffSession } from './accounts.ts';
import { KioskSetupPinCode } from './devices.ts';
import { LibrarySettings } from './contract.ts';

/** Whether /admin should show the one-time setup. Anyone may ask. */
export const SetupStatus = z.object({ needsFirstAdmin: z.boolean() });

/** Creates the first admin and logs them in. 409 once any admin exists. */
export const FirstAdmin = z.object({ email: StaffEmail, password: NewPassword }).strict();

export const StaffAccount = z.object({
  id: z.number().int().positive(),
  email: z.string(),
  role: StaffRole,
  createdAt: z.string(),
  /** When they last used Lotsen (their newest session); null if never. */
  lastActiveAt: z.string().nullable(),
});

export const StaffAccountList = z.object({ users: z.array(StaffAccount) });

/** The admin sets a first password and tells the person; they should change it (or get a reset). */
export const NewStaffAccount = z
  .object({ email: StaffEmail, role: StaffRole, password: NewPassword })
  .strict();

/** 409 when it would leave no admin. */
export const StaffRoleChange = z.object({ role: StaffRole }).strict();

/** Sets a new password and ends every session of that account. */
export const PasswordReset = z.object({ password: NewPassword }).strict();

const BranchFields = {
  name: z.string().trim().min(1, 'Give the branch a name, e.g. "Stadsbiblioteket".').max(120),
  infoDesk: z
    .string()
    .trim()
    .min(1, 'Say where visitors find staff, e.g. "the information desk by the entrance".')
    .max(200),
  transportApp: z
    .string()
    .trim()
    .min(1, 'Name the region\'s ticket app, e.g. "Västtrafik To Go".')
    .max(80),
  fallbackLanguage: LanguageCodeSchema,
};

export const LibraryBranch = z.object({
  id: z.number().int().positive(),
  ...BranchFields,
  hasSetupPin: z.boolean(),
  /** Tablets paired to the branch (revoked ones not counted). */
  tabletCount: z.number().int().nonnegative(),
});

export const LibraryBranchList = z.object({ branches: z.array(LibraryBranch) });

export const NewLibraryBranch = z.object(BranchFields).strict();

export const LibraryBranchChange = z
  .object({
    name: BranchFields.name.optional(),
    infoDesk: BranchFields.infoDesk.optional(),
    transportApp: BranchFields.transportApp.optional(),
    fallbackLanguage: BranchFields.fallbackLanguage.optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, {
    message: 'Send at least one field to change.',
  });

/** null removes the PIN: the setup screen then opens after the hidden gesture alone. */
export const BranchSetupPinChange = z.object({ pin: KioskSetupPinCode.nullable() }).strict();

export const LibrarySettingsForAdmins = z.object({
  /** Guides whose "last verified" date is older than this many days are flagged for review. */
  reviewAfterDays: z.number().int().min(1).max(3650),
  idleResetSeconds: LibrarySettings.shape.idleResetSeconds,
  publicUrl: LibrarySettings.shape.publicUrl,
});

/** Only the settings sent are changed. */
export const LibrarySettingsChange = LibrarySettingsForAdmins.partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, {
    message: 'Send at least one setting to change.',
  });

export const ADMINISTRATION_API = {
  setupStatus: { method: 'GET', path: '/api/setup', response: SetupStatus },
  createFirstAdmin: {
    method: 'POST',
    path: '/api/setup/first-admin',
    request: FirstAdmin,
    response: StaffSession,
  },
  listUsers: { method: 'GET', path: '/api/admin/users', response: StaffAccountList },
  createUser: {
    method: 'POST',
    path: '/api/admin/users',
    request: NewStaffAccount,
    response: StaffAccount,
  },
  changeRole: {
    method: 'PATCH',
    path: '/api/admin/users/:id',
    request: StaffRoleChange,
    response: StaffAccount,
  },
  resetPassword: {
    method: 'POST',
    path: '/api/admin/users/:id/password',
    request: PasswordReset,
    response: StaffAccount,
  },
  /** 409 for the last admin, and for yourself. */
  removeUser: { method: 'DELETE', path: '/api/admin/users/:id' },
  listBranches: { method: 'GET', path: '/api/admin/branches', response: LibraryBranchList },
  createBranch: {
    method: 'POST',
    path: '/api/admin/branches',
    request: NewLibraryBranch,
    response: LibraryBranch,
  },
  changeBranch: {
    method: 'PATCH',
    path: '/api/admin/branches/:id',
    request: LibraryBranchChange,
    response: LibraryBranch,
  },
  setBranchPin: {
    method: 'PUT',
    path: '/api/admin/branches/:id/setup-pin',
    request: BranchSetupPinChange,
    response: LibraryBranch,
  },
  /** Editors may read them (the review age flags guides); only admins change them. */
  settings: { method: 'GET', path: '/api/admin/settings', response: LibrarySettingsForAdmins },
  changeSettings: {
    method: 'PUT',
    path: '/api/admin/settings',
    request: LibrarySettingsChange,
    response: LibrarySettingsForAdmins,
  },
} as const;

export type SetupStatus = z.infer<typeof SetupStatus>;
export type FirstAdmin = z.infer<typeof FirstAdmin>;
export type StaffAccount = z.infer<typeof StaffAccount>;
export type StaffAccountList = z.infer<typeof StaffAccountList>;
export type NewStaffAccount = z.infer<typeof NewStaffAccount>;
export type StaffRoleChange = z.infer<typeof StaffRoleChange>;
export type PasswordReset = z.infer<typeof PasswordReset>;
export type LibraryBranch = z.infer<typeof LibraryBranch>;
export type LibraryBranchList = z.infer<typeof LibraryBranchList>;
export type NewLibraryBranch = z.infer<typeof NewLibraryBranch>;
export type LibraryBranchChange = z.infer<typeof LibraryBranchChange>;
export type BranchSetupPinChange = z.infer<typeof BranchSetupPinChange>;
export type LibrarySettingsForAdmins = z.infer<typeof LibrarySettingsForAdmins>;
export type LibrarySettingsChange = z.infer<typeof LibrarySettingsChange>;
