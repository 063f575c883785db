import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';
import { isCommonPassword, passwordCore } from './common-passwords.ts';

// argon2id (Algorithm.Argon2id = 2), OWASP-recommended parameters
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, OPTIONS);
export const verifyPassword = async (stored: string, plain: string) => {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
};

/**
 * At least 8 characters with letters and digits; not the user name (422 PASSWORD_TOO_WEAK). Not a common
 * password nor built from the user's own user name or display name (422 PASSWORD_TOO_COMMON; see
 * common-passwords.ts).
 */
export function assertPasswordStrength(password: string, username: string, displayName?: string): void {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password) || password.toLowerCase().includes(username.toLowerCase())) {
    throw new AppError('PASSWORD_TOO_WEAK', '密码至少 8 位，须同时包含字母和数字，且不能包含用户名');
  }
  const core = passwordCore(password);
  const own = [username, displayName ?? ''].map((x) => x.toLowerCase()).filter((x) => x.length >= 2);
  if (isCommonPassword(password) || own.some((x) => core === passwordCore(x) || (x.length >= 4 && password.toLowerCase().includes(x)))) {
    throw new AppError('PASSWORD_TOO_COMMON', '该密码过于常见或与用户名、姓名相关，容易被猜中，请换一个不常见的密码');
  }
}
