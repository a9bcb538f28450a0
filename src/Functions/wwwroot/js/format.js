// Formatting helpers: durations, times, short shas.
import { h } from './dom.js';

export function shortSha(sha) {
  return sha ? String(sha).slice(0, 7) : '';
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) return '';
  const s = Number(seconds);
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s % 60);
  if (m < 60) return `${m} min ${rest} s`;
  const hours = Math.floor(m / 60);
  return `${hours} h ${m % 60} min`;
}

/** Seconds between two ISO times (end defaults to now). */
export function secondsBetween(startIso, endIso) {
  if (!startIso) return null;
  const start = Date.parse(startIso);
  const end = endIso ? Date.parse(endIso) : Date.now();
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, (end - start) / 1000);
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function localTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTimeFormat.format(d);
}

export function relative(iso) {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = (t - Date.now()) / 1000;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (abs < 45) return diff < 0 ? 'just now' : 'in a few seconds';
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  return rtf.format(Math.round(diff / 86400), 'day');
}

const timeOnlyFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayTimeFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** Compact local time: "5:30 AM" today, "Dec 1, 5:30 AM" on other days. */
export function shortTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toDateString() === new Date().toDateString() ? timeOnlyFormat.format(d) : dayTimeFormat.format(d);
}

/**
 * <time datetime="ISO" title="ISO">local time</time>; withRelative adds "(5 minutes ago)";
 * short shows the compact form with the full local time in the title.
 */
export function timeEl(iso, { withRelative = false, short = false } = {}) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  if (short) return h('time', { datetime: iso, title: `${localTime(iso)} (${iso})` }, shortTime(iso));
  const text = withRelative ? `${localTime(iso)} (${relative(iso)})` : localTime(iso);
  return h('time', { datetime: iso, title: iso }, text);
}

export function prettyJson(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    try { return JSON.stringify(JSON.parse(value), null, 2); } catch { return value; }
  }
  return JSON.stringify(value, null, 2);
}

/** State → { cls, icon } for badges; text is always shown next to the icon. */
const stateStyles = {
  succeeded: ['ok', '✓'], completed: ['ok', '✓'], healthy: ['ok', '✓'], validated: ['ok', '✓'], built: ['ok', '✓'], approve: ['ok', '✓'],
  failed: ['bad', '✕'], unhealthy: ['bad', '✕'], terminated: ['bad', '■'], reject: ['bad', '✕'],
  running: ['run', '▶'], pending: ['wait', '…'], queued: ['wait', '…'],
  canceled: ['neutral', '⊘'], skipped: ['neutral', '↷'], superseded: ['neutral', '↷'], suspended: ['warn', '⏸'], unknown: ['neutral', '?'],
  continuedasnew: ['run', '↻'],
};

export function stateClass(state) {
  return (stateStyles[String(state || '').toLowerCase()] || ['neutral'])[0];
}

export function badge(state, text) {
  const [cls, icon] = stateStyles[String(state || '').toLowerCase()] || ['neutral', '•'];
  return h('span', { class: `badge-state state-${cls}` }, h('span', { class: 'icon', 'aria-hidden': 'true' }, icon), ' ', text || state || 'Unknown');
}
