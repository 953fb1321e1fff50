// The tokens this browser keeps for a class: a student's seat token and an instructor's token, each keyed by join code.
export interface HeldSeat {
  token: string;
  table: number;
  role: string;
}

const seatKey = (code: string) => `statecraft.class.seat.${code}`;
const instructorKey = (code: string) => `statecraft.class.instructor.${code}`;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores a value; false when storage is unavailable or full (the caller then says the seat lasts only this page). */
function write(key: string, value: string | null): boolean {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** The seat this browser holds in a class, or null. */
export function heldSeat(code: string): HeldSeat | null {
  const raw = read(seatKey(code));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<HeldSeat>;
    return typeof v.token === 'string' && typeof v.table === 'number' && typeof v.role === 'string' ? { token: v.token, table: v.table, role: v.role } : null;
  } catch {
    return null;
  }
}

export function keepSeat(code: string, seat: HeldSeat | null): boolean {
  return write(seatKey(code), seat && JSON.stringify(seat));
}

export function instructorToken(code: string): string | null {
  return read(instructorKey(code));
}

export function keepInstructorToken(code: string, token: string): boolean {
  return write(instructorKey(code), token);
}
