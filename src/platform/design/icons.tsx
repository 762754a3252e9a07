/**
 * Inline SVG icons. Directional icons (arrows, chevrons) carry the
 * `icon--directional` class, which the stylesheet mirrors in right-to-left
 * pages; clocks, ticks and numbers are never mirrored.
 */
export function ArrowIcon() {
  return (
    <svg class="icon icon--directional" aria-hidden="true" focusable="false" viewBox="0 0 33 40" width="17" height="19">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
      <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5" />
      <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}

/** Three bars: the phone header's menu button. */
export function MenuIcon() {
  return (
    <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
      <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}

export function TickIcon() {
  return (
    <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <path d="M4 12.5 9.5 18 20 6" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}

/** The portal's emblem: an abstract mark, not text. */
export function EmblemIcon() {
  return (
    <svg class="emblem" aria-hidden="true" focusable="false" viewBox="0 0 40 40" width="40" height="40">
      <rect width="40" height="40" rx="8" fill="currentColor" />
      <path d="M10 30V14l10-6 10 6v16h-6v-9h-8v9z" fill="#fff" />
    </svg>
  );
}
