import { describe, expect, it } from 'vitest';
import { findPasswordProblem } from './password-policy.js';

const owner = { email: 'somchai.vongsa@molsw.gov.la', name: 'Somchai Vongsa' };

describe('password policy', () => {
  it('accepts a long passphrase of unrelated words', () => {
    expect(findPasswordProblem('lantern mango Bicycle 47 river', owner)).toBeNull();
  });

  it('refuses fewer than 12 characters and says how many there are', () => {
    expect(findPasswordProblem('Xk7#pQ2!mR', owner)).toBe(
      'Use at least 12 characters (this one has 10). A few unrelated words make a good password.',
    );
  });

  it.each([
    'password1234',
    'P@ssw0rd2024!',
    'Welcome12345',
    'iloveyou2026',
    'qwertyuiop12',
    '123456789012',
    'abcdefghijkl',
    'passwordpassword',
    'aaaaaaaaaaaa',
    'ilmshub20262026',
  ])('refuses the common or predictable %s', (password) => {
    expect(findPasswordProblem(password, owner)).toMatch(/^This password is too common or predictable/);
  });

  it.each(['Somchai-Vongsa-2026', 'vongsa lantern river', 'somchai.vongsa@molsw'])(
    'refuses %s, which contains the name or email',
    (password) => {
      expect(findPasswordProblem(password, owner)).toBe('Do not use your name or email address in your password.');
    },
  );

  it('refuses more than 256 characters', () => {
    expect(findPasswordProblem('lantern mango '.repeat(20), owner)).toBe('Use at most 256 characters.');
  });
});
