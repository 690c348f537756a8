import { commonPasswordWords } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; stops megabyte "passwords" from tying up the hasher. */
export const MAX_PASSWORD_LENGTH = 256;

const commonWords = new Set(commonPasswordWords);

const lookAlikes: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Runs typed by sliding along a row or counting (digits wrap: 7890123…): refused forwards and backwards. */
const runs = [
  'abcdefghijklmnopqrstuvwxyz',
  '012345678901234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1q2w3e4r5t6y7u8i9o0p',
];

function coreWord(password: string): string {
  const trimmed = password.toLowerCase().replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  return [...trimmed].map((c) => lookAlikes[c] ?? c).join('');
}

/** `passwordpassword` → `password`; `abcabcabcabc` → `abc`. */
function repeatedUnit(text: string): string {
  return /^(.+?)\1+$/.exec(text)?.[1] ?? text;
}

function isRun(text: string): boolean {
  return text.length >= 4 && runs.some((run) => run.includes(text) || [...run].reverse().join('').includes(text));
}

function isPredictable(password: string): boolean {
  const lower = password.toLowerCase();
  const core = coreWord(password);
  const alphanumeric = lower.replace(/[\W_]/g, '');
  const candidates = [lower, core, repeatedUnit(core), repeatedUnit(alphanumeric)];
  return (
    new Set(password).size < 5 ||
    candidates.some((candidate) => commonWords.has(candidate) || isRun(candidate)) ||
    repeatedUnit(alphanumeric).length <= 3
  );
}

function personalParts(email: string, name: string): string[] {
  const simplify = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const local = email.split('@')[0] ?? '';
  const parts = [
    simplify(local),
    simplify(name),
    ...name.split(/\s+/).map(simplify),
    ...local.split(/[._-]/).map(simplify),
  ];
  return parts.filter((part) => part.length >= 4);
}

export interface PasswordOwner {
  email: string;
  name: string;
}

/** Why a new password is refused, as a sentence for the person choosing it; null when it is acceptable. */
export function findPasswordProblem(password: string, owner: PasswordOwner): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${password.length}). A few unrelated words make a good password.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const simplified = password.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (personalParts(owner.email, owner.name).some((part) => simplified.includes(part))) {
    return 'Do not use your name or email address in your password.';
  }
  if (isPredictable(password)) {
    return 'This password is too common or predictable (a well-known password, a keyboard row or a repeated pattern). Choose another, for example a few unrelated words.';
  }
  return null;
}
