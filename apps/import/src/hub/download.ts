import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import type { StoredLogin } from './config.js';
import { hubHeaders } from './hub-client.js';
import { describeNetworkError, HubRefusedError, HubUnreachableError, NotAHubError } from './hub-errors.js';
import { readRefusal } from './send-upload.js';

/** Streams a report of the hub (`/api/…`) into a file; a failed download leaves no file. */
export async function downloadToFile(login: StoredLogin, route: string, destination: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${login.url}${route}`, { headers: hubHeaders(login.token) });
  } catch (error) {
    throw new HubUnreachableError(login.url, describeNetworkError(error));
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    if (!contentType.includes('application/json')) {
      await response.body?.cancel();
      throw new NotAHubError(`${login.url}${route}`, response.status, contentType);
    }
    throw new HubRefusedError(readRefusal(response.status, await response.json()));
  }
  if (!response.body) throw new NotAHubError(`${login.url}${route}`, response.status, contentType);
  try {
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), createWriteStream(destination));
  } catch (error) {
    await rm(destination, { force: true });
    throw new HubUnreachableError(login.url, describeNetworkError(error));
  }
}
