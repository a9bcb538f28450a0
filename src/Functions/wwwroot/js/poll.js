// Polling that waits for each call to finish, skips while the tab is hidden, and stops on dispose.

/** Calls fn now and then every intervalMs (after the previous call finished). Returns { stop, now }. */
export function poll(fn, intervalMs = 2000) {
  let timer = null;
  let stopped = false;
  let running = false;
  async function tick() {
    timer = null;
    if (stopped) return;
    if (!document.hidden && !running) {
      running = true;
      try { await fn(); } catch (e) { if (e?.name !== 'AbortError') console.warn(e); } finally { running = false; }
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  }
  function onVisible() { if (!document.hidden && !stopped && !running) { clearTimeout(timer); tick(); } }
  document.addEventListener('visibilitychange', onVisible);
  tick();
  return {
    stop() { stopped = true; clearTimeout(timer); document.removeEventListener('visibilitychange', onVisible); },
    now() { if (!stopped && !running) { clearTimeout(timer); tick(); } },
    get stopped() { return stopped; },
  };
}
