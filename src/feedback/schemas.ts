import { z } from "zod";
import { stripControlCharacters } from "../platform/text/clean.js";

/** A page of this portal: a local path, never another site. */
const localPath = z
  .string({ message: "feedback.errors.page" })
  .max(512, "feedback.errors.page")
  .regex(/^\/(?!\/)[^\s\\]*$/, "feedback.errors.page");

export const COMMENT_MAX_LENGTH = 1200;

/** The yes/no answer posted by the form on every page. Messages are catalogue keys. */
export const answerSchema = z.object({
  page: localPath,
  helpful: z.enum(["yes", "no"], { message: "feedback.errors.helpful" }),
});

/** The optional comment that follows the answer. */
export const commentSchema = z.object({
  comment: z
    .string({ message: "feedback.errors.commentMissing" })
    .transform((v) => stripControlCharacters(v).trim())
    .pipe(z.string().min(1, "feedback.errors.commentMissing").max(COMMENT_MAX_LENGTH, "feedback.errors.commentTooLong")),
});

export const feedbackIdSchema = z.object({ id: z.uuid() });

export type Answer = z.infer<typeof answerSchema>;
