/**
 * Help calls: a visitor presses "Call a helper" on a tablet, staff see it
 * live and come over. The tablet names each call with a UUID it makes
 * itself, so it can send the same call again after a network failure
 * without creating a second one.
 */
import { z } from 'zod';
import { LanguageCodeSchema, Slug } from '../content/guide.ts';
import {
  HELP_CALL_EVENT_TYPES,
  HELP_CALL_ROUTES,
  HELP_CALL_STATUSES,
  HELP_NEEDS,
} from './help-call-requests.ts';

// Without zod, for the kiosk's outbox: see help-call-requests.ts.
export {
  branchEventsUrl,
  HELP_CALL_EVENT_TYPES,
  HELP_CALL_HEARTBEAT_EVENT,
  HELP_CALL_HEARTBEAT_INTERVAL_MS,
  HELP_CALL_RESYNC_EVENT,
  HELP_CALL_ROUTES,
  HELP_CALL_STATUSES,
  HELP_CALL_STREAM_EVENT,
  HELP_NEEDS,
  helpCallUrl,
  OPEN_HELP_CALL_STATUSES,
} from './help-call-requests.ts';

export const HelpNeed = z.enum(HELP_NEEDS);

export const HelpCallId = z.uuid('A help call id is a UUID, e.g. from crypto.randomUUID().');

/**
 * What the tablet sends. Strict: an unknown field is refused, so nothing a
 * visitor typed can end up on the staff screen. Where the tablet stands and
 * which branch it belongs to come from the device record, not from here.
 */
export const HelpCallRequest = z
  .object({
    /** The guide the visitor was in; null on the start screen. */
    guideId: Slug.nullable(),
    /** 1-based, as shown to the visitor; null when not in a guide. */
    stepNumber: z.number().int().min(1).max(999).nullable(),
    language: LanguageCodeSchema,
    needs: z
      .array(HelpNeed)
      .refine((needs) => new Set(needs).size === needs.length, 'Name each need only once.'),
    /** When the button was pressed, by the tablet's clock (which may be wrong). */
    pressedAt: z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time.' }),
  })
  .strict();

export const HelpCallStatus = z.enum(HELP_CALL_STATUSES);

/** A help call as the tablet sees it. Times are ISO 8601 in UTC. */
export const HelpCall = z.object({
  id: HelpCallId,
  deviceId: z.number().int().positive(),
  deviceName: z.string(),
  branchId: z.number().int().positive(),
  location: z.string(),
  guideId: Slug.nullable(),
  stepNumber: z.number().int().positive().nullable(),
  language: LanguageCodeSchema,
  needs: z.array(HelpNeed),
  status: HelpCallStatus,
  /** As the tablet sent it. */
  pressedAt: z.string(),
  /** When the server stored it. */
  receivedAt: z.string(),
  /** What wait times count from: pressedAt when that is plausible, else receivedAt. */
  waitingSince: z.string(),
  acknowledgedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});

/** The staff member who said "I'm coming". Only staff see this, never the tablet. */
export const HelpCallResponder = z.object({ id: z.number().int().positive(), email: z.string() });

export const StaffHelpCall = HelpCall.extend({ acknowledgedBy: HelpCallResponder.nullable() });

export const HelpCallEventType = z.enum(HELP_CALL_EVENT_TYPES);

/**
 * The `data:` of a help-call event. `call` is the call as it is when the
 * event is sent: a replayed event shows the newest state, not the old one.
 */
export const HelpCallEvent = z.object({ type: HelpCallEventType, call: StaffHelpCall });
export const HelpCallResync = z.object({ lastEventId: z.number().int().nonnegative() });

export const StaffBranch = z.object({ id: z.number().int().positive(), name: z.string() });
export const StaffBranchList = z.object({ branches: z.array(StaffBranch) });

/** A branch's calls today: open ones first (longest waiting first), then today's finished ones, newest first. */
export const BranchHelpCalls = z.object({
  branch: StaffBranch,
  calls: z.array(StaffHelpCall),
  /** Open the event stream with ?after=<this> to miss nothing and see nothing twice. */
  lastEventId: z.number().int().nonnegative(),
});

export const HELP_CALLS_API = {
  send: { ...HELP_CALL_ROUTES.send, request: HelpCallRequest, response: HelpCall },
  read: { ...HELP_CALL_ROUTES.read, response: HelpCall },
  cancel: { ...HELP_CALL_ROUTES.cancel, response: HelpCall },
  acknowledge: { ...HELP_CALL_ROUTES.acknowledge, response: StaffHelpCall },
  done: { ...HELP_CALL_ROUTES.done, response: StaffHelpCall },
  branches: { ...HELP_CALL_ROUTES.branches, response: StaffBranchList },
  branchCalls: { ...HELP_CALL_ROUTES.branchCalls, response: BranchHelpCalls },
  branchEvents: HELP_CALL_ROUTES.branchEvents,
} as const;

export type HelpNeed = z.infer<typeof HelpNeed>;
export type HelpCallRequest = z.infer<typeof HelpCallRequest>;
export type HelpCallStatus = z.infer<typeof HelpCallStatus>;
export type HelpCall = z.infer<typeof HelpCall>;
export type HelpCallResponder = z.infer<typeof HelpCallResponder>;
export type StaffHelpCall = z.infer<typeof StaffHelpCall>;
export type HelpCallEventType = z.infer<typeof HelpCallEventType>;
export type HelpCallEvent = z.infer<typeof HelpCallEvent>;
export type HelpCallResync = z.infer<typeof HelpCallResync>;
export type StaffBranch = z.infer<typeof StaffBranch>;
export type StaffBranchList = z.infer<typeof StaffBranchList>;
export type BranchHelpCalls = z.infer<typeof BranchHelpCalls>;
