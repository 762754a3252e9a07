import { ValidationError } from "./errors.js";

/**
 * Reading an action's parameters the way CKAN's validators do
 * (ckan/logic/validators.py, ckan/lib/navl): values arrive as strings from
 * a query string or as JSON values from a body.
 */

export type DataDict = Record<string, unknown>;

/** A whole number ≥ 0 (natural_number_validator), or undefined when missing or blank. */
export function natural(data: DataDict, key: string): number | undefined {
  const value = data[key];
  if (value === undefined || value === null || (typeof value === "string" && !value.trim())) return undefined;
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n)) throw new ValidationError({ [key]: ["Invalid integer"] });
  if (n < 0) throw new ValidationError({ [key]: ["Must be a natural number"] });
  return n;
}

const TRUE = ["true", "yes", "on", "y", "t", "1"];
const FALSE = ["false", "no", "off", "n", "f", "0", ""];

/** CKAN's asbool: true/false, "true"/"false", "1"/"0", "yes"/"no"… */
export function bool(data: DataDict, key: string, fallback: boolean): boolean {
  const value = data[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value === "boolean") return value;
  const s = String(value).trim().toLowerCase();
  if (TRUE.includes(s)) return true;
  if (FALSE.includes(s)) return false;
  throw new ValidationError({ message: "Parameter is not an bool" });
}

/** A string parameter (the first, when a query string repeats it). */
export function text(data: DataDict, key: string): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A required string (get_or_bust): "Missing value" when absent or blank. */
export function required(data: DataDict, key: string): string {
  const value = text(data, key);
  if (!value?.trim()) throw new ValidationError({ [key]: ["Missing value"] });
  return value;
}

/** A list of strings given as a JSON list, a JSON string of one, or repeated parameters (convert_to_json_if_string). */
export function stringList(data: DataDict, key: string): string[] | undefined {
  let value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw new ValidationError({ [key]: ["Could not parse as valid JSON"] });
    }
  }
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) throw new ValidationError({ [key]: ["Not a list"] });
  if (!value.every((v) => typeof v === "string")) throw new ValidationError({ [key]: ["Not a string"] });
  return value as string[];
}
