// The page's globals as the tests see them (the Node test project has no DOM types).
export interface PageElement {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface PageGlobals {
  document: { activeElement: PageElement | null; querySelector(selector: string): PageElement | null; getElementById(id: string): PageElement | null };
  localStorage: {
    getItem(k: string): string | null;
    setItem(k: string, v: string): void;
    removeItem(k: string): void;
    length: number;
    key(i: number): string | null;
  };
  __statecraft: {
    phase(): { name: string; seat?: number };
    hash(): string | null;
    state(): unknown;
    seat(): string | null;
    replay(): unknown;
    renderer(): string;
    ready(): boolean;
    texts(): Array<{ text: string; x: number; y: number; w: number; h: number }>;
  };
  __cspViolations?: string[];
  addEventListener(type: string, fn: (e: { violatedDirective: string; blockedURI: string }) => void): void;
}
