import type { OpenAPIV3_1 } from "openapi-types";
import { Table } from "../../platform/design/Table.js";
import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import { exampleOf, type JsonSchema, typeOf } from "../example.js";
import { METHODS, type OpenApiDocument, type Operation } from "../openapi.js";
import { ME_SCOPE } from "../schemas.js";

export interface ApiDocsProps {
  doc: OpenApiDocument;
  baseUrl: string;
  /** The demo mobile app's client id, when the demo registered it. */
  demoClientId: string;
}

interface Entry {
  method: string;
  path: string;
  op: Operation;
}

const anchor = (s: string) => s.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();

function resolver(doc: OpenApiDocument) {
  return (ref: string): JsonSchema | undefined => {
    const name = ref.replace("#/components/schemas/", "");
    return doc.components?.schemas?.[name] as JsonSchema | undefined;
  };
}

/** A JSON example in a block that scrolls sideways on narrow screens and can be reached by keyboard. */
function Example({ value, label }: { value: unknown; label: string }) {
  return (
    <section class="api-docs__example" aria-label={label} tabIndex={0}>
      <pre dir="ltr">
        <code>{JSON.stringify(value, null, 2)}</code>
      </pre>
    </section>
  );
}

function Parameters({ op, id }: { op: Operation; id: string }) {
  const { t } = usePage();
  const params = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  if (!params.length) return <p>{t("apiDocs.page.noParameters")}</p>;
  return (
    <Table
      caption={t("apiDocs.page.parametersOf", { operation: id })}
      columns={[
        { label: t("apiDocs.page.name") },
        { label: t("apiDocs.page.in") },
        { label: t("apiDocs.page.type") },
        { label: t("apiDocs.page.required") },
        { label: t("apiDocs.page.default") },
      ]}
      rows={params.map((p) => {
        const schema = p.schema as JsonSchema | undefined;
        return [
          <code dir="ltr" key="n">
            {p.name}
          </code>,
          t(`apiDocs.page.location.${p.in}`),
          <code dir="ltr" key="t">
            {typeOf(schema)}
          </code>,
          p.required ? t("apiDocs.page.yes") : t("apiDocs.page.no"),
          schema?.default === undefined ? (
            ""
          ) : (
            <code dir="ltr" key="d">
              {String(schema.default)}
            </code>
          ),
        ];
      })}
      firstCellIsHeader
    />
  );
}

function OperationSection({ entry, doc }: { entry: Entry; doc: OpenApiDocument }) {
  const { t, tr } = usePage();
  const { op, method, path } = entry;
  const id = op.operationId ?? `${method} ${path}`;
  const resolve = resolver(doc);
  const summaryKey = `apiDocs.operations.${id}`;
  const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const signedIn = (op.security ?? []).length > 0;
  return (
    <section class="api-docs__operation" aria-labelledby={`op-${anchor(id)}`}>
      <h3 class="heading-m" id={`op-${anchor(id)}`}>
        <span class="api-docs__endpoint" dir="ltr">
          <span class="api-docs__method">{method.toUpperCase()}</span> <code>{path}</code>
        </span>
      </h3>
      <p>{tr.has(summaryKey) ? t(summaryKey) : id}</p>
      {signedIn ? (
        <p>
          <Tag colour="maroon">{t("apiDocs.page.signedIn")}</Tag> {t("apiDocs.page.needsScope", { scope: ME_SCOPE })}
        </p>
      ) : null}
      <h4 class="heading-s">{t("apiDocs.page.parameters")}</h4>
      <Parameters op={op} id={id} />
      {body ? (
        <>
          <h4 class="heading-s">{t("apiDocs.page.requestBody")}</h4>
          {Object.entries(body.content ?? {}).map(([type, media]) => (
            <div key={type}>
              <p>
                <code dir="ltr">{type}</code>
              </p>
              <Example
                value={exampleOf(media.schema as JsonSchema, resolve)}
                label={t("apiDocs.page.exampleBody", { operation: id })}
              />
            </div>
          ))}
        </>
      ) : null}
      <h4 class="heading-s">{t("apiDocs.page.responses")}</h4>
      <dl class="api-docs__responses">
        {Object.entries(op.responses ?? {}).map(([status, response]) => {
          const r = response as OpenAPIV3_1.ResponseObject;
          const schema = r.content?.["application/json"]?.schema as JsonSchema | undefined;
          const own = `apiDocs.operationResponses.${id}.${status}`;
          const describedBy = tr.has(own) ? own : `apiDocs.responses.${status}`;
          return (
            <div key={status} class="api-docs__response">
              <dt>
                <bdi dir="ltr">{status}</bdi> {tr.has(describedBy) ? t(describedBy) : r.description}
              </dt>
              <dd>
                {schema ? (
                  <Example
                    value={exampleOf(schema, resolve)}
                    label={t("apiDocs.page.exampleResponse", { operation: id, status })}
                  />
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The API's documentation, rendered from the OpenAPI document: groups, operations, parameters, responses. */
export function ApiDocsPage({ doc, baseUrl, demoClientId }: ApiDocsProps) {
  const { t, tr } = usePage();
  const entries: Entry[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (op) entries.push({ method, path, op });
    }
  }
  const tags = (doc.tags ?? []).map((tag) => tag.name);
  const tagName = (tag: string) => (tr.has(`apiDocs.tags.${tag}.name`) ? t(`apiDocs.tags.${tag}.name`) : tag);
  const code = (s: string) => <code dir="ltr">{s}</code>;
  return (
    <div class="api-docs">
      <h1 class="heading-xl">{t("apiDocs.page.title")}</h1>
      <p class="lead">{t("apiDocs.page.lead")}</p>
      <p>
        {tr.rich("apiDocs.page.document", {
          link: (chunks) => (
            <a href="/api/openapi.json" hrefLang="en" key="doc">
              {chunks}
            </a>
          ),
        })}
      </p>
      <nav aria-labelledby="api-contents">
        <h2 class="heading-m" id="api-contents">
          {t("apiDocs.page.contents")}
        </h2>
        <ul class="list">
          <li>
            <a href="#api-auth">{t("apiDocs.page.authTitle")}</a>
          </li>
          <li>
            <a href="#api-conventions">{t("apiDocs.page.conventionsTitle")}</a>
          </li>
          {tags.map((tag) => (
            <li key={tag}>
              <a href={`#tag-${anchor(tag)}`}>{tagName(tag)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="api-auth">
        <h2 class="heading-l" id="api-auth">
          {t("apiDocs.page.authTitle")}
        </h2>
        <p>{t("apiDocs.page.authIntro", { scope: ME_SCOPE })}</p>
        <ol class="list list--number">
          <li>{tr.rich("apiDocs.page.authStep1", { code: () => code(`${baseUrl}/idp/auth`) })}</li>
          <li>{tr.rich("apiDocs.page.authStep2", { code: () => code(`${baseUrl}/idp/token`) })}</li>
          <li>{tr.rich("apiDocs.page.authStep3", { code: () => code("Authorization: Bearer …") })}</li>
        </ol>
        <p>{tr.rich("apiDocs.page.authDiscovery", { code: () => code(`${baseUrl}/idp/.well-known/openid-configuration`) })}</p>
        <p>{tr.rich("apiDocs.page.authDemo", { code: () => code(demoClientId) })}</p>
        <p>{t("apiDocs.page.authRefusals")}</p>
      </section>

      <section aria-labelledby="api-conventions">
        <h2 class="heading-l" id="api-conventions">
          {t("apiDocs.page.conventionsTitle")}
        </h2>
        <ul class="list list--bullet">
          <li>{t("apiDocs.page.conventionLanguage")}</li>
          <li>{t("apiDocs.page.conventionErrors")}</li>
          <li>{t("apiDocs.page.conventionLimits")}</li>
          <li>{t("apiDocs.page.conventionCors")}</li>
        </ul>
      </section>

      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${anchor(tag)}`}>
          <h2 class="heading-l" id={`tag-${anchor(tag)}`}>
            {tagName(tag)}
          </h2>
          {tr.has(`apiDocs.tags.${tag}.description`) ? <p>{t(`apiDocs.tags.${tag}.description`)}</p> : null}
          {entries
            .filter((e) => e.op.tags?.[0] === tag)
            .map((e) => (
              <OperationSection key={`${e.method} ${e.path}`} entry={e} doc={doc} />
            ))}
        </section>
      ))}
    </div>
  );
}
