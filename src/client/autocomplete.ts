/**
 * Search suggestions as an accessible combobox (the ARIA 1.2 pattern, list
 * autocomplete): focus stays in the input, arrow keys move through the
 * options (aria-activedescendant), Enter opens one, Escape closes the list.
 * Without JavaScript the search box is a plain form.
 */
interface Suggestion {
  type: string;
  title: string;
  url: string;
}

let counter = 0;

export function enhanceAutocomplete(container: HTMLElement): void {
  const input = container.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) return;
  const n = ++counter;
  const listId = `suggestions-${n}`;
  const hintId = `suggestions-hint-${n}`;
  const lang = document.documentElement.lang === "en" ? "en" : "ar";

  const hint = document.createElement("span");
  hint.id = hintId;
  hint.className = "visually-hidden";
  hint.textContent = input.dataset.suggestHint ?? "";
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  container.classList.add("has-suggestions");
  input.insertAdjacentElement("afterend", list);
  container.append(hint);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), hintId].filter(Boolean).join(" "));

  let items: Suggestion[] = [];
  let active = -1;
  let timer: number | undefined;
  let request = 0;

  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];

  function setActive(index: number): void {
    active = index;
    for (const [i, el] of options().entries()) el.setAttribute("aria-selected", i === index ? "true" : "false");
    if (index >= 0) input?.setAttribute("aria-activedescendant", `${listId}-${index}`);
    else input?.removeAttribute("aria-activedescendant");
  }

  function close(): void {
    list.hidden = true;
    input?.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function open(): void {
    if (!items.length) {
      close();
      return;
    }
    list.hidden = false;
    input?.setAttribute("aria-expanded", "true");
  }

  function render(): void {
    list.replaceChildren(
      ...items.map((item, i) => {
        const li = document.createElement("li");
        li.id = `${listId}-${i}`;
        li.className = "suggestions__option";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = item.title;
        li.addEventListener("mousedown", (e) => e.preventDefault());
        li.addEventListener("click", () => {
          window.location.href = item.url;
        });
        return li;
      }),
    );
    setActive(-1);
    open();
  }

  async function fetchSuggestions(q: string): Promise<void> {
    const mine = ++request;
    try {
      const res = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(q)}&lang=${lang}`, {
        headers: { accept: "application/json" },
      });
      if (!res.ok || mine !== request) return;
      items = ((await res.json()) as { items: Suggestion[] }).items;
      render();
    } catch {
      // Suggestions are a convenience; the form still works.
    }
  }

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      items = [];
      close();
      return;
    }
    timer = window.setTimeout(() => void fetchSuggestions(q), 150);
  });

  input.addEventListener("keydown", (e) => {
    const count = items.length;
    if (e.key === "ArrowDown") {
      if (!count) return;
      e.preventDefault();
      open();
      setActive(active + 1 >= count ? 0 : active + 1);
    } else if (e.key === "ArrowUp") {
      if (!count) return;
      e.preventDefault();
      open();
      setActive(active <= 0 ? count - 1 : active - 1);
    } else if (e.key === "Enter") {
      const chosen = !list.hidden && active >= 0 ? items[active] : undefined;
      if (chosen) {
        e.preventDefault();
        window.location.href = chosen.url;
      }
    } else if (e.key === "Escape") {
      if (!list.hidden) {
        e.preventDefault();
        close();
      }
    } else if (e.key === "Tab") {
      close();
    }
  });

  input.addEventListener("blur", () => window.setTimeout(close, 100));
}
