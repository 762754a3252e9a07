import type { Definition, SimpleQuestion } from "../../src/forms/engine/definition.js";
import { samplePdf, samplePng } from "./files.js";

/** A file in a form post: the field, the name the browser gives, the type it claims, the bytes. */
export interface UploadFile {
  field: string;
  filename: string;
  type: string;
  data: Buffer;
}

/** Answers a test gives instead of the filler's defaults, by question id. */
export type Choices = Record<string, string | string[]>;

function inFuture(days: number): Date {
  return new Date(Date.now() + days * 86_400_000);
}

/** A plausible answer to a question, as the fields a person would fill in. */
function fill(
  q: SimpleQuestion,
  name: string,
  choices: Choices,
  fields: Record<string, string | string[]>,
  files: UploadFile[],
  /** The options the page shows for this question (for options filled in from the catalogue). */
  shownOptions: string[] = [],
) {
  const chosen = choices[q.id];
  const set = (v: string | string[]) => {
    fields[name] = chosen ?? v;
  };
  switch (q.type) {
    case "text":
      return set("Details for the officer".slice(0, q.maxLength));
    case "name-ar":
      return set("أنيل كومار");
    case "name-en":
      return set("Anil Kumar");
    case "qid":
      return set("29035600102");
    case "phone":
      return set("5550 0102");
    case "email":
      return set("anil@example.com");
    case "number":
      return set(String(q.min ?? 1));
    case "money":
      return set("2500");
    case "date": {
      // A date inside the question's window (a permit expiring within the next weeks), else a plausible one.
      const d = q.window
        ? inFuture(
            q.window.closesDaysBefore !== undefined
              ? q.window.closesDaysBefore + 30
              : Math.min(30, q.window.opensDaysBefore ?? 0),
          )
        : q.past
          ? new Date(Date.UTC(1990, 4, 17))
          : q.future
            ? inFuture(20)
            : new Date(Date.UTC(2025, 5, 15));
      fields[`${name}-day`] = String(d.getUTCDate());
      fields[`${name}-month`] = String(d.getUTCMonth() + 1);
      fields[`${name}-year`] = String(d.getUTCFullYear());
      return;
    }
    case "select":
    case "radios":
      return set(q.options[0]?.value ?? shownOptions[0] ?? "");
    case "checkboxes":
      return set([q.options[0]?.value ?? ""]);
    case "yes-no":
      return set("yes");
    case "address":
      fields[`${name}-zone`] = "66";
      fields[`${name}-street`] = "820";
      fields[`${name}-building`] = "12";
      return;
    case "file": {
      const pdf = q.accept.includes("pdf");
      files.push({
        field: name,
        filename: pdf ? `${q.id}.pdf` : `${q.id}.png`,
        type: pdf ? "application/pdf" : "image/png",
        data: pdf ? samplePdf : samplePng,
      });
      return;
    }
    case "declaration":
      return set("yes");
  }
}

/** The fields of one page: every question whose inputs the page shows. */
/** The values of a select's options in a page (the empty "choose" option left out). */
function optionsIn(html: string, name: string): string[] {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1] ?? "").filter(Boolean);
}

export function pageFields(def: Definition, pageId: string, html: string, choices: Choices) {
  const page = def.pages.find((p) => p.id === pageId);
  if (!page || !("questions" in page)) throw new Error(`no question page ${pageId}`);
  const fields: Record<string, string | string[]> = {};
  const files: UploadFile[] = [];
  const shown = (name: string) => new RegExp(`name="${name}(-day|-zone)?"`).test(html);
  for (const q of page.questions) {
    if (q.type === "group") {
      for (const g of q.questions) fill(g, `${q.id}-0-${g.id}`, choices, fields, files);
    } else if (shown(q.id)) fill(q, q.id, choices, fields, files, optionsIn(html, q.id));
  }
  return { fields, files };
}
