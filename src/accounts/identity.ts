const COMMON_PASSWORDS = new Set([
  "password",
  "password1",
  "password123",
  "123456789",
  "1234567890",
  "qwertyuiop",
  "iloveyou",
  "qatar2022",
  "doha12345",
  "hukoomi123",
  "abcdefghij",
  "1q2w3e4r5t",
  "qwerty1234",
  "welcome123",
  "letmein123",
  "admin12345",
]);

export type PasswordProblem = "short" | "long" | "common" | "personal";

/** Length over rules: at least 10 characters, not a common password, not the person's own details. */
export function checkPassword(password: string, personal: string[]): PasswordProblem | undefined {
  if (password.length < 10) return "short";
  if (password.length > 128) return "long";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) return "common";
  if (personal.some((p) => p.length >= 4 && lower.includes(p.toLowerCase()))) return "personal";
  return undefined;
}
