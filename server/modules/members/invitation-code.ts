import { createHash, randomBytes } from 'node:crypto';

/** Hashes an invitation code for storage and lookup (codes are shown once, never stored in clear). */
export function hashInvitationCode(code: string): string {
  return createHash('sha256').update(code.trim()).digest('hex');
}

/** A new random invitation code (96 bits, URL-safe). */
export function newInvitationCode(): string {
  return randomBytes(12).toString('base64url');
}
