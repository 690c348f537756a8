/** A password or token shown once: announced, selectable, and labelled with what to do with it. */
export function OneTimeSecret({ label, value, advice }: { label: string; value: string; advice: string }) {
  return (
    <div className="one-time-secret" role="status">
      <p>
        <strong>{label}</strong>
      </p>
      <output data-testid="one-time-secret" className="secret-value">
        {value}
      </output>
      <p>{advice}</p>
    </div>
  );
}
