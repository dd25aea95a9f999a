import type { SocketType } from './values';

/** Whether an output socket of type `from` may feed an input socket of type `to`. */
export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

/**
 * Sockets connect only when their types are equal: the set of socket types is small and
 * closed, and an implicit conversion would hide a wiring mistake.
 */
export function canConnect(from: SocketType, to: SocketType): ConnectionCheck {
  if (from === to) return { ok: true };
  return {
    ok: false,
    reason: `An output of type "${from}" cannot feed an input of type "${to}".`
  };
}
