// Built on first use: each DateTimeFormat loads locale data.
let clock: Intl.DateTimeFormat | undefined;
let day: Intl.DateTimeFormat | undefined;
let full: Intl.DateTimeFormat | undefined;

/** `14:30` in the viewer's locale. */
export function clockText(ms: number): string {
  clock ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  return clock.format(ms);
}

/** `Wed 2 Dec` in the viewer's locale: the label of a tick on a midnight. */
export function dayText(ms: number): string {
  day ??= new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  return day.format(ms);
}

/** Date and time, for window edges and screen-reader labels. */
export function dateTimeText(ms: number): string {
  full ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return full.format(ms);
}

/** The viewer's offset east of UTC at `ms`, in milliseconds (what zone-less server times are read in). */
export function localOffsetMs(ms: number): number {
  return -new Date(ms).getTimezoneOffset() * 60_000;
}
