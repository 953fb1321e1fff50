// Picks the logical board size for the viewport (landscape boards 720 high, phone boards 430 wide) and the zoom
// that renders it at the screen's real pixel density.
export interface Frame {
  width: number;
  height: number;
  portrait: boolean;
  zoom: number;
}

let current: Frame = { width: 1280, height: 720, portrait: false, zoom: 1 };

/** pure; the logical game size for a viewport of `w` x `h` CSS pixels at `dpr` device pixels per CSS pixel. */
export function frameFor(w: number, h: number, dpr = 1): Frame {
  const vw = Math.max(1, w);
  const vh = Math.max(1, h);
  let width: number;
  let height: number;
  const portrait = vw / vh < 0.85;
  if (portrait) {
    width = 430;
    height = Math.round(Math.min(1100, Math.max(760, (width * vh) / vw)));
  } else {
    height = 720;
    width = Math.round(Math.min(1600, Math.max(1120, (height * vw) / vh)));
  }
  const cssScale = Math.min(vw / width, vh / height);
  const zoom = Math.min(3, Math.max(1, Math.round(cssScale * Math.max(1, dpr) * 4) / 4));
  return { width, height, portrait, zoom };
}

/** The frame the game runs at now. */
export function currentFrame(): Frame {
  return current;
}

export function setCurrentFrame(f: Frame): void {
  current = f;
}

/** Device pixels per logical board pixel. */
export function currentZoom(): number {
  return current.zoom;
}
