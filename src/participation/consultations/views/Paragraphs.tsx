/**
 * Plain text as paragraphs: a blank line starts a new paragraph, a single
 * line break stays a line break. Text only (escaped by the renderer), never HTML.
 * `auto`: text people wrote in either language, each paragraph in its own direction.
 */
export function Paragraphs({ text, class: className, auto }: { text: string; class?: string; auto?: boolean }) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class={className}>
      {paragraphs.map((p, i) => {
        const lines = p.split("\n");
        return (
          <p key={i} dir={auto ? "auto" : undefined}>
            {lines.map((line, j) => (j === 0 ? line : [<br key={j} />, line]))}
          </p>
        );
      })}
    </div>
  );
}
