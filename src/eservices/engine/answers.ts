/**
 * Temporary, while main's working tree holds uncommitted edits to
 * src/participation/surveys/repository.ts: that file still reads AnswerValue
 * here. Remove this file once it imports ../../forms/engine/answers.js.
 */
export type { AnswerValue } from "../../forms/engine/answers.js";
