/**
 * Why the app is locked, when it was the idle lock (kept in this window's memory): the unlock and sign-in screens say
 * so, until someone signs in.
 */
let lockedAfterMinutes: number | null = null;

export function noteIdleLock(minutes: number): void {
  lockedAfterMinutes = minutes;
}

export function idleLockNote(): number | null {
  return lockedAfterMinutes;
}

export function clearIdleLockNote(): void {
  lockedAfterMinutes = null;
}
