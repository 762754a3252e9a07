import type { ComponentChildren } from "preact";
import type { Problem } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import type { Locale } from "../platform/i18n/locales.js";

/** A text in both languages, as a draft holds it. */
export interface BilingualText {
  ar: string;
  en: string;
}

/** One field's value in a draft: a bilingual text, a single value, or a set of chosen values. */
export type FieldValue = string | string[] | BilingualText;

/** An item's content as the workspace keeps it: field name → value. */
export type ContentData = Record<string, FieldValue>;

/**
 * How a field is edited: text (one line), textarea (paragraphs), lines (one
 * entry a line: requirements, steps), url, email, date (YYYY-MM-DD),
 * datetime (YYYY-MM-DDTHH:MM, Doha time), number, select and checkboxes
 * (from the kind's choices), file (an uploaded file; the engine keeps its name,
 * type and size beside it).
 */
export type FieldType =
  | "text"
  | "textarea"
  | "lines"
  | "url"
  | "email"
  | "date"
  | "datetime"
  | "number"
  | "select"
  | "checkboxes"
  | "file";

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** Written in Arabic and English, side by side. */
  bilingual: boolean;
  /** Publishing refuses the item while this field (in either language) is empty. */
  required: boolean;
  /** The catalogue key of a hint shown under the field, in place of its type's (how to write a line of it). */
  hint?: string;
}

/** An option of a select or checkboxes: named by data in both languages (terms), or by a catalogue message. */
export type Choice = { value: string; label: BilingualText } | { value: string; labelKey: string };

/** An item as a kind lists it. */
export interface ItemSummary {
  slug: string;
  title: BilingualText;
}

/** What a kind's preview is drawn with. */
export interface PreviewContext {
  db: Db;
  agency: string;
  slug: string;
  locale: Locale;
}

/**
 * A kind of content the workspace edits: its fields, where its published
 * copy lives in the catalogue and how to show it as the public would see it.
 * The draft, review, versions and publishing are the same for every kind.
 */
export interface ContentKind {
  name: "agency" | "service" | "news" | "event" | "document" | "centre";
  fields: FieldSpec[];
  /** False for the agency profile (there is exactly one, and it is never unpublished). */
  creatable: boolean;
  /** The kind's select and checkbox options, by field name. */
  choices(db: Db, agency: string): Promise<Record<string, Choice[]>>;
  /** Rules across fields that publishing also needs (an online service needs a start link). */
  check?(data: ContentData, db: Db, item: { agency: string; slug: string }): Promise<Problem[]>;
  /** What a draft cannot even be saved with (lines that cannot be read: a centre's hours); refused with the form, 400. */
  checkDraft?(data: ContentData, db: Db, agency: string): Promise<Problem[]>;
  /** True when the catalogue already holds an item of this kind with this slug (any agency's). */
  slugTaken(db: Db, slug: string): Promise<boolean>;
  /** The agency's items of this kind as the catalogue holds them now (published or not). */
  listPublished(db: Db, agency: string): Promise<ItemSummary[]>;
  /** The catalogue's current copy of one item, as draft data, if it exists and belongs to the agency. */
  load(db: Db, agency: string, slug: string): Promise<ContentData | undefined>;
  /** Writes a published version into the catalogue tables (inside the publishing transaction). */
  apply(tx: Db, agency: string, slug: string, data: ContentData, reviewedOn: string): Promise<void>;
  /** Takes the item off the public site (inside the unpublishing transaction). */
  unapply(tx: Db, agency: string, slug: string): Promise<void>;
  /** Where the public sees it (language-neutral address). */
  publicPath(slug: string, data: ContentData): string;
  /** The real public view, drawn with the draft's data. */
  preview(ctx: PreviewContext, data: ContentData): Promise<{ title: string; body: ComponentChildren }>;
}
