/** The browser's IANA time zone, e.g. `Asia/Bangkok`: every time on screen is shown in it. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `UTC+07:00` for an instant in the browser's zone (the offset may differ across daylight saving). */
function utcOffset(at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = part?.replace('GMT', '') || '+00:00';
  return `UTC${offset}`;
}

/** `Asia/Bangkok (UTC+07:00)`: the zone named as people and the tests read it. */
export const zoneLabel = (at?: Date) => `${browserTimeZone()} (${utcOffset(at)})`;

const partsFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-03-02 16:05` (or with `:07` seconds) in the browser's zone: sortable and unambiguous across locales. */
export function formatLocalDateTime(iso: string | Date, withSeconds = false): string {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const time = `${parts.hour}:${parts.minute}${withSeconds ? `:${parts.second}` : ''}`;
  return `${parts.year}-${parts.month}-${parts.day} ${time}`;
}

/** A `datetime-local` value (the browser's local time, no zone) as the instant the API takes. */
export const localInputToInstant = (local: string) => new Date(local).toISOString();

const isoInstant = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;

/**
 * Text with the UTC instants the server wrote into it (`…for 2026-03-02T09:00:05.000Z.`) shown in
 * the browser's zone instead, so a note reads like the rest of the page.
 */
export const localizeInstants = (text: string) =>
  text.replace(isoInstant, (instant) => `${formatLocalDateTime(instant, true)} ${zoneLabel(new Date(instant))}`);

interface DateTimeProps {
  value: string | Date;
  withSeconds?: boolean;
  /** Name the zone after the time; tables name it once in the column heading instead. */
  withZone?: boolean;
}

/**
 * An instant shown in the browser's time zone; the exact instant stays in `dateTime` for tools.
 * A narrow cell wraps it between the date and the time, never inside the date.
 */
export function DateTime({ value, withSeconds = false, withZone = false }: DateTimeProps) {
  const date = new Date(value);
  const [day, time] = formatLocalDateTime(date, withSeconds).split(' ');
  return (
    <time dateTime={date.toISOString()}>
      <span className="nowrap">{day}</span> <span className="nowrap">{time}</span>
      {withZone ? ` ${zoneLabel(date)}` : ''}
    </time>
  );
}
