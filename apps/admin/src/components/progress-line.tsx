interface ProgressLineProps {
  label: string;
  /** Done so far and the whole; `total` 0 or less: the size is unknown and the bar is indeterminate. */
  done: number;
  total: number;
  /** Shown after the percentage, e.g. `1.2 MB of 4.0 MB`. */
  detail?: string;
}

/** A labelled progress bar with its percentage written out, for eyes and screen readers alike. */
export function ProgressLine({ label, done, total, detail }: ProgressLineProps) {
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : null;
  const text = [percent === null ? null : `${percent}%`, detail].filter(Boolean).join(' · ');
  return (
    <div className="progress-line">
      <span className="progress-label">{label}</span>
      <progress
        aria-label={label}
        aria-valuetext={percent === null ? 'in progress, size unknown' : `${percent}%`}
        max={100}
        value={percent ?? undefined}
      />
      <span className="progress-text">{text}</span>
    </div>
  );
}
