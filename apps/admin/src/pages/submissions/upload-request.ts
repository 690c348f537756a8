export type UploadMode = 'merge' | 'replace' | 'delete';

interface UploadTarget {
  country: string;
  mode: UploadMode;
  file: File;
}

export interface UploadAnswer {
  submissionId: number;
  country: string;
  /** The same file was uploaded before for the country: this is that submission. */
  isExisting: boolean;
}

interface Progress {
  sent: number;
  total: number;
}

/** Why a refusal may come without the server's sentence: the status says enough to act on. */
const statusMessages: Record<number, string> = {
  401: 'Your session has ended. Sign in again, then upload the file.',
  403: 'You may not upload files for this country.',
  413: 'The file is larger than the server accepts. Split it by indicator or year and upload the parts.',
};

/** A refusal from the upload route in words for the person uploading: the server's own, or the status's. */
function readRefusal(request: XMLHttpRequest): Error {
  try {
    const body = JSON.parse(request.responseText) as { error?: { message?: string } };
    if (body.error?.message) return new Error(body.error.message);
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status below.
  }
  return new Error(statusMessages[request.status] ?? `The server refused the upload (HTTP ${request.status}).`);
}

/**
 * Sends the file's bytes to `POST /api/uploads` with XMLHttpRequest, the one browser API that
 * reports upload progress. The session cookie authenticates it; `signal` aborts it.
 */
export function uploadFile(
  { country, mode, file }: UploadTarget,
  onProgress: (progress: Progress) => void,
  signal: AbortSignal,
): Promise<UploadAnswer> {
  // encodeURIComponent, not URLSearchParams: a space must arrive as %20, never as `+`.
  const query = [`country=${encodeURIComponent(country)}`, `mode=${mode}`, `fileName=${encodeURIComponent(file.name)}`];
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/uploads?${query.join('&')}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress({ sent: event.loaded, total: event.total || file.size });
    request.onload = () => {
      if (request.status !== 200 && request.status !== 201) return reject(readRefusal(request));
      try {
        resolve(JSON.parse(request.responseText) as UploadAnswer);
      } catch {
        reject(
          new Error('The server accepted the file but its answer could not be read. Reload the submissions list.'),
        );
      }
    };
    request.onerror = () =>
      reject(new Error('The upload was interrupted: check the network connection and try again.'));
    request.onabort = () => reject(new Error('You stopped the upload; nothing was stored.'));
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
