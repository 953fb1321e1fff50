// The ARIA live regions: polite announcements (turn results) and assertive alerts (errors).

let pending: number | null = null;

/** Announces `text` politely to screen readers (replacing any announcement not yet read). */
export function announce(text: string): void {
  const region = document.getElementById('live');
  if (!region) return;
  region.textContent = '';
  if (pending !== null) window.clearTimeout(pending);
  pending = window.setTimeout(() => {
    region.textContent = text;
    pending = null;
  }, 60);
}

/** Announces an error at once. */
export function alertNow(text: string): void {
  const region = document.getElementById('alert');
  if (region) region.textContent = text;
}
