/** How long a visitor has waited, in whole minutes, split into hours and minutes for reading. */
export interface WaitingTime {
  totalMinutes: number;
  hours: number;
  minutes: number;
  /** For <time dateTime>, e.g. "PT4M". */
  isoDuration: string;
}

export function waitingTime(waitingSince: string, serverNow: number): WaitingTime {
  // A few seconds in the future (clocks never agree exactly) is "just now", not negative.
  const totalMinutes = Math.max(0, Math.floor((serverNow - Date.parse(waitingSince)) / 60_000));
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return { totalMinutes, hours, minutes, isoDuration: `PT${totalMinutes}M` };
}
