import { type DragEvent, useId, useRef, useState } from 'react';

interface FileDropZoneProps {
  label: string;
  hint: string;
  accept: string;
  file: File | null;
  onFile: (file: File | null) => void;
}

/**
 * A real file input with a visible label (keyboard and screen readers use it as such), inside an
 * area that also takes a file dropped on it.
 */
export function FileDropZone({ label, hint, accept, file, onFile }: FileDropZoneProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    // The input shows the dropped file too, so both ways of choosing agree.
    if (input.current) input.current.files = event.dataTransfer.files;
    onFile(dropped);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setIsOver(true);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer bonus; the input inside is the accessible way
    <div
      className={`drop-zone${isOver ? ' is-over' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={() => setIsOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id} className="drop-zone-label">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <p className="drop-zone-file" aria-live="polite">
        {file ? (
          <>
            Chosen: <strong className="file-name">{file.name}</strong>
          </>
        ) : (
          'No file chosen yet.'
        )}
      </p>
    </div>
  );
}
