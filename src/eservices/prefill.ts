import type { User } from "../accounts/service.js";
import type { RegistryConnector, RegistryResult } from "../connectors/registry.js";
import { type AnswerSources, type Answers, hasAnswer } from "../forms/engine/answers.js";
import { holds } from "../forms/engine/conditions.js";
import { allQuestions, type Definition, type Question, type SimpleQuestion } from "../forms/engine/definition.js";
import { type RegistryName, registryAgencies, valueAt } from "../forms/engine/registries.js";
import { registryAnswer } from "../forms/engine/sources.js";
import type { Db } from "../platform/db/client.js";
import { type Draft, savePrefilled } from "./repository/drafts.js";

type RegistryQuestion = SimpleQuestion & { prefillFrom: NonNullable<SimpleQuestion["prefillFrom"]> };

function fromRegistry(q: Question): q is RegistryQuestion {
  return q.type !== "group" && q.prefillFrom !== undefined;
}

/**
 * Once-only data in forms: questions that name a registry are answered
 * from the agency that keeps the data, asked once per registry. When a
 * registry gives nothing, the questions stay empty for the person to
 * answer and are marked for the officer to verify; the form never waits
 * longer than a registry's deadline.
 */
export class RegistryPrefill {
  constructor(
    private readonly db: Db,
    private readonly connector: RegistryConnector,
  ) {}

  /**
   * Fills the questions still open: not answered, not already given by a
   * registry, and about the applicant now (their `when` holds). For a page
   * being shown (`shown`), only the registries its own open questions name
   * are read, and only if it has any; every open question those registries
   * answer is filled at once, so each is read once, not once per page.
   */
  async fill(user: User, def: Definition, draft: Draft, shown?: Question[]): Promise<Draft> {
    const sources: AnswerSources = draft.sources ?? {};
    const answers: Answers = { ...draft.answers };
    const next: AnswerSources = { ...sources };
    const all = allQuestions(def)
      .map(({ question }) => question)
      .filter(fromRegistry);
    // A registry's answer given while `when` held goes once it no longer does (the form is now about someone else).
    for (const q of all) {
      const source = sources[q.id];
      if (!source || holds(q.prefillFrom.when, draft.answers)) continue;
      if (source.kind === "registry") delete answers[q.id];
      delete next[q.id];
    }
    const open = all.filter((q) => {
      const source = next[q.id];
      return (
        holds(q.prefillFrom.when, draft.answers) &&
        !hasAnswer(draft.answers[q.id]) &&
        // Asked again only when the registry could not answer; "no entry" is an answer.
        (!source || (source.kind === "unverified" && source.reason !== "not-found"))
      );
    });
    const wanted = shown ? open.filter((q) => shown.some((s) => s.id === q.id)) : open;
    const registries = [...new Set(wanted.map((q) => q.prefillFrom.registry))];
    if (registries.length === 0) return this.saveIfChanged(draft, answers, next);
    const purpose = { agency: def.agency, title: def.title };
    const results = new Map<RegistryName, RegistryResult>(
      await Promise.all(
        registries.map(
          async (registry) =>
            [registry, await this.connector.read(registry, { userId: user.id, qid: user.qid }, purpose)] as const,
        ),
      ),
    );
    for (const q of open) {
      const { registry, field } = q.prefillFrom;
      const result = results.get(registry);
      if (!result) continue;
      const agency = registryAgencies[registry];
      if (!result.ok) {
        next[q.id] = { kind: "unverified", registry, agency, reason: result.reason };
        continue;
      }
      const value = registryAnswer(q, valueAt(result.record, field));
      if (value === undefined) next[q.id] = { kind: "unverified", registry, agency, reason: "not-found" };
      else {
        answers[q.id] = value;
        next[q.id] = { kind: "registry", registry, agency: result.agency, at: result.at };
      }
    }
    return this.saveIfChanged(draft, answers, next);
  }

  private async saveIfChanged(draft: Draft, answers: Answers, sources: AnswerSources): Promise<Draft> {
    if (
      JSON.stringify(sources) === JSON.stringify(draft.sources ?? {}) &&
      JSON.stringify(answers) === JSON.stringify(draft.answers)
    )
      return draft;
    return savePrefilled(this.db, draft, answers, sources);
  }
}
