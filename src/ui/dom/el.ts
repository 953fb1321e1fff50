// Builds DOM elements whose text is always set as text (never parsed as HTML).
type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = String(v);
    else if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** A button that runs `onClick`. */
export function button(label: string, onClick: () => void, attrs: Record<string, string | number | boolean | undefined> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

let counter = 0;
/** A fresh element id with a readable prefix. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
