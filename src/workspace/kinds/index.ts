import type { ContentKind } from "../model.js";
import { agencyKind } from "./agency.js";
import { eventKind, newsKind } from "./articles.js";
import { centreKind } from "./centre.js";
import { documentKind } from "./document.js";
import { serviceKind } from "./service.js";

/** Every kind of content the workspace edits, in the order the workspace lists them. */
export const contentKinds: readonly ContentKind[] = [agencyKind, serviceKind, newsKind, eventKind, documentKind, centreKind];

export function kindNamed(name: string): ContentKind | undefined {
  return contentKinds.find((k) => k.name === name);
}
