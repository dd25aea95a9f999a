/**
 * Reads a Chromium performance trace (devtools.timeline) and says what filled each long task
 * of the page's main thread: the time of the task's direct work by kind (script, style, layout,
 * paint, garbage collection). Used by open-graph.ts with KUMIKI_TRACE=1.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string } };
}

/** The long tasks (over `overMs`) of the renderer's main thread, each with its heaviest parts. */
export function longTaskParts(traceJson: string, overMs: number): string[] {
  const events: TraceEvent[] = JSON.parse(traceJson).traceEvents;
  const mains = events.filter(
    (e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain'
  );
  const count = (t: TraceEvent) => events.filter((e) => e.pid === t.pid && e.tid === t.tid).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  if (!main) return ['no renderer main thread in the trace'];
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = own.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > overMs * 1000);
  const lines: string[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const parts = new Map<string, number>();
    for (const e of own) {
      if (e === task || e.ts < task.ts || e.ts >= end) continue;
      const kind =
        e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire'
          ? `${e.name} ${e.args?.data?.functionName ?? ''} ${(e.args?.data?.url ?? '').split('/').pop()}`
          : e.name;
      parts.set(kind, (parts.get(kind) ?? 0) + (e.dur ?? 0));
    }
    const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 6);
    lines.push(
      `task ${((task.dur ?? 0) / 1000).toFixed(0)} ms: ` +
        top.map(([name, us]) => `${name.trim()} ${(us / 1000).toFixed(0)}`).join(', ')
    );
  }
  return lines;
}
