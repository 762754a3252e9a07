/**
 * "Is this page easy to understand?" without a page reload: the same form
 * posts, sent with fetch and answered in JSON by the same route. Every text
 * shown comes from the page (rendered from the catalogues on the server).
 */
interface ErrorBody {
  error?: { message?: string };
}

async function post(form: HTMLFormElement, action: string, extra?: [string, string]): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === "string") body.append(k, v);
  if (extra) body.append(extra[0], extra[1]);
  return fetch(action, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body,
    credentials: "same-origin",
  });
}

async function messageOf(response: Response, fallback: string): Promise<string> {
  try {
    const data = (await response.json()) as ErrorBody;
    return data.error?.message ?? fallback;
  } catch {
    return fallback;
  }
}

export function enhanceFeedback(section: HTMLElement): void {
  const answerForm = section.querySelector<HTMLFormElement>("[data-feedback-answer]");
  const status = section.querySelector<HTMLElement>("[data-feedback-status]");
  const template = section.querySelector<HTMLTemplateElement>("[data-feedback-comment-template]");
  if (!answerForm || !status || !template) return;
  const networkError = section.dataset.networkError ?? "";

  answerForm.addEventListener("submit", async (event) => {
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!submitter) return;
    event.preventDefault();
    let response: Response;
    try {
      response = await post(answerForm, answerForm.action, [submitter.name, submitter.value]);
    } catch {
      status.textContent = networkError;
      return;
    }
    if (!response.ok) {
      status.textContent = await messageOf(response, networkError);
      return;
    }
    const { commentUrl } = (await response.json()) as { commentUrl: string };
    const fragment = template.content.cloneNode(true) as DocumentFragment;
    const commentForm = fragment.querySelector<HTMLFormElement>("[data-feedback-comment]");
    if (!commentForm) return;
    commentForm.action = commentUrl;
    answerForm.replaceWith(fragment);
    const textarea = section.querySelector<HTMLTextAreaElement>("textarea");
    section.querySelector<HTMLElement>(".page-feedback__thanks")?.setAttribute("tabindex", "-1");
    section.querySelector<HTMLElement>(".page-feedback__thanks")?.focus();
    enhanceComment(section, commentForm, status, networkError, textarea);
  });
}

function enhanceComment(
  section: HTMLElement,
  form: HTMLFormElement,
  status: HTMLElement,
  networkError: string,
  textarea: HTMLTextAreaElement | null,
): void {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let response: Response;
    try {
      response = await post(form, form.action);
    } catch {
      status.textContent = networkError;
      return;
    }
    if (!response.ok) {
      status.textContent = await messageOf(response, networkError);
      textarea?.focus();
      return;
    }
    const done = section.dataset.commentThanks ?? "";
    form.remove();
    status.textContent = done;
  });
}
