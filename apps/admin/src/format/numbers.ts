/** `4.2 MB`: sizes people can read, bytes to KB, MB, GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** `12,345`: counts grouped the same way whatever the browser's locale. */
export const formatCount = (n: number) => n.toLocaleString('en-US');
