import { z } from "zod";
import { textSizes, toggles } from "./settings.js";

/** One value or several (a checkbox group posts its name once per ticked box), as a list. */
const manyOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { message }), { message }).max(values.length, { message }),
  );

/** The accessibility tools form. Its messages are catalogue keys. */
export const settingsFormSchema = z.object({
  action: z.enum(["save", "reset"], { message: "accessibility.tools.errors.action" }).default("save"),
  textSize: z.enum(textSizes, { message: "accessibility.tools.errors.textSize" }).default("100"),
  options: manyOf(toggles, "accessibility.tools.errors.options"),
  returnTo: z.string().max(500, { message: "accessibility.tools.errors.returnTo" }).optional(),
});

export type SettingsForm = z.infer<typeof settingsFormSchema>;
