import { describe, expect, it } from 'vitest';
import { assertCountry, parseCommandArgs, parseSubmissionId } from './args.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { describeNetworkError, refusalError } from './hub-errors.js';
import { readRefusal, uploadUrl } from './send-upload.js';

describe('uploadUrl', () => {
  it('percent-encodes the file name as UTF-8', () => {
    expect(uploadUrl('http://hub', 'LAO', 'merge', 'ແຮງງານ 2024 & co.csv')).toBe(
      'http://hub/api/uploads?country=LAO&mode=merge&fileName=%E0%BB%81%E0%BA%AE%E0%BA%87%E0%BA%87%E0%BA%B2%E0%BA%99%202024%20%26%20co.csv',
    );
  });
});

describe('readRefusal', () => {
  it("reads the upload route's error and Fastify's own", () => {
    expect(
      readRefusal(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is 3 MB; the limit is 1 MB.' } }),
    ).toEqual({ httpStatus: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The file is 3 MB; the limit is 1 MB.' });
    expect(
      readRefusal(413, { statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' }),
    ).toEqual({ httpStatus: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' });
    expect(readRefusal(502, {})).toEqual({ httpStatus: 502, code: 'HTTP_502', message: 'The hub answered HTTP 502.' });
  });
});

describe('refusalError', () => {
  it('turns a refused token into what to do, exit code 3', () => {
    const error = refusalError(
      { httpStatus: 401, code: 'UNAUTHORIZED', message: 'This API token is not valid.' },
      'https://hub.example',
    );
    expect(error.exitCode).toBe(ExitCode.refused);
    expect(error.message).toBe(
      'The hub refused your API token: This API token is not valid.\nCreate a token on the hub\'s "API tokens" page, then run `ilms login --url https://hub.example` again.',
    );
  });

  it('lists the fields the hub refused', () => {
    const error = refusalError(
      { httpStatus: 400, code: 'BAD_REQUEST', message: 'Invalid input', fieldErrors: { country: ['Too short'] } },
      'https://hub.example',
    );
    expect(error.message).toBe('Invalid input (country: Too short)');
  });
});

describe('describeNetworkError', () => {
  it("finds Node's code inside fetch's wrapping", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(describeNetworkError(new TypeError('fetch failed', { cause: refused }))).toContain('nothing is listening');
    const dual = Object.assign(new Error('x'), { errors: [refused] });
    expect(describeNetworkError(dual)).toContain('nothing is listening');
    expect(describeNetworkError(new Error('socket hang up'))).toBe('socket hang up');
  });
});

describe('arguments', () => {
  it('reads submission numbers and country codes, refusing others with the fix', () => {
    expect(parseSubmissionId('12', 'ilms submissions show')).toBe(12);
    expect(parseSubmissionId('#12', 'ilms submissions show')).toBe(12);
    expect(() => parseSubmissionId('twelve', 'ilms submissions show')).toThrow('`ilms submissions list` shows them');
    expect(() => parseSubmissionId(undefined, 'ilms submissions show')).toThrow('needs the submission number');
    expect(assertCountry('lao')).toBe('LAO');
    expect(() => assertCountry('Laos')).toThrow('ISO alpha-3 code such as LAO');
  });

  it('reports unknown options as usage errors', () => {
    expect(() => parseCommandArgs(['--colour'], { url: { type: 'string' } })).toThrow(UsageError);
    expect(parseCommandArgs(['--no-wait'], { wait: { type: 'boolean' } }).values.wait).toBe(false);
  });
});
