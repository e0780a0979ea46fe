import { clearFinishedHelpCalls } from '../browser/outbox/kiosk-outbox.ts';

/**
 * Starts the kiosk over for the next visitor: the last one has gone (nobody
 * answered "Are you still there?") or chose "Start over now".
 *
 * Forgotten, so the next visitor meets a fresh kiosk and nothing of the last
 * one's visit:
 * - through `forgetVisitorState` (the kiosk's own state, in memory): the
 *   screen, the open guide and its step, the language (back to Swedish), the
 *   text size and the high contrast mode, the help and setup dialogs;
 * - whatever the page keeps for the session: sessionStorage, the focus, the
 *   text selection, the scroll position;
 * - help calls that are over (done, cancelled, refused) leave the panel.
 *
 * Kept, always: the guides and pictures in the local database (cached
 * content), the content release waiting to be applied (the app applies it
 * now), the tablet's pairing, and the outbox: a help call not yet sent stays
 * and is still sent. Nothing here touches the Dexie content tables or the
 * outbox's unsent calls.
 */
export async function startOver(forgetVisitorState: () => void): Promise<void> {
  forgetVisitorState();
  forgetSession();
  // Calls that are over leave the panel; a call still on its way stays (and is still sent).
  // Awaited, so an app update applied next does not reload the page in the middle of it.
  await clearFinishedHelpCalls().catch(console.error);
}

function forgetSession(): void {
  try {
    sessionStorage.clear();
  } catch (error) {
    // Storage switched off by the browser: there is nothing to forget then.
    console.warn('Could not clear the session storage', error);
  }
  window.getSelection()?.removeAllRanges();
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  (document.scrollingElement ?? document.documentElement).scrollTop = 0;
}
