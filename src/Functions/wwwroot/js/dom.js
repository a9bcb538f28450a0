// Tiny element builders. Text always goes through textContent / text nodes, never innerHTML.

let uid = 0;
/** A unique id for label/for and aria-describedby pairs. */
export function newId(prefix = 'id') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * h('a', { href: '#/runs', class: 'x', dataset: { runId: '1' }, onclick: fn }, 'text', child)
 * Attributes whose value is null/undefined/false are skipped; true sets an empty attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (name === 'text') el.textContent = String(value);
    else if (name === 'dataset') for (const [k, v] of Object.entries(value)) { if (v !== null && v !== undefined) el.dataset[k] = String(v); }
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value' && 'value' in el) el.value = value;
    else if (name === 'checked' || name === 'selected' || name === 'disabled' || name === 'hidden' || name === 'open') {
      el[name] = Boolean(value);
    } else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces all children of el. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Sets textContent only when it changed (keeps screen readers quiet and selection intact). */
export function setText(el, text) {
  const value = text === null || text === undefined ? '' : String(text);
  if (el.textContent !== value) el.textContent = value;
}

/** A labelled field: returns { wrapper, control }. */
export function field(label, control, hint) {
  const id = control.id || newId('f');
  control.id = id;
  const parts = [h('label', { for: id }, label)];
  if (hint) {
    const hintId = newId('hint');
    control.setAttribute('aria-describedby', hintId);
    parts.push(control, h('span', { class: 'hint', id: hintId }, hint));
  } else parts.push(control);
  return { wrapper: h('div', { class: 'field' }, parts), control };
}

/** A select with options given as [value, label] pairs or strings. */
export function select(options, attrs = {}) {
  return h('select', attrs, options.map(o => {
    const [value, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value }, label);
  }));
}

/** A horizontally scrolling, focusable, labelled wrapper around a table. */
export function tableWrap(label, table) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `${label} (scrollable)` }, table);
}

/** A table with <th scope="col"> headers and an empty tbody. */
export function table(label, headers) {
  const tbody = h('tbody');
  const t = h('table', { 'aria-label': label },
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
    tbody);
  return { table: t, tbody };
}

/** A message area: show(kind, text) puts a role=status or role=alert element in it; clear() empties it. */
export function messageArea(extraClass = '') {
  const area = h('div', { class: ['messages', extraClass] });
  return {
    el: area,
    status(text) { replaceChildren(area, h('p', { role: 'status', class: 'msg msg-ok' }, text)); },
    alert(text) { replaceChildren(area, h('p', { role: 'alert', class: 'msg msg-error' }, text)); },
    clear() { area.replaceChildren(); },
  };
}

/** A description list from [term, value] pairs (value may be a node); null values are skipped. */
export function dl(pairs, cls = 'facts') {
  return h('dl', { class: cls }, pairs.filter(p => p && p[1] !== null && p[1] !== undefined && p[1] !== '')
    .map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}

/**
 * Keeps parent's children in the order of items, keyed by keyOf(item). An element is re-rendered only
 * when its item's JSON changed; focus inside a replaced element is restored to the matching control.
 */
export function syncKeyed(parent, items, keyOf, render, keyAttr = 'data-key') {
  const existing = new Map();
  for (const child of Array.from(parent.children)) {
    const key = child.getAttribute(keyAttr);
    if (key !== null) existing.set(key, child);
    else child.remove();
  }
  let index = 0;
  for (const item of items) {
    const key = String(keyOf(item));
    const sig = JSON.stringify(item);
    let el = existing.get(key);
    if (el && el.__sig !== sig) {
      const fresh = render(item, el);
      if (fresh !== el) {
        const focusKey = focusMemo(el);
        el.replaceWith(fresh);
        restoreFocus(fresh, focusKey);
        el = fresh;
      }
    } else if (!el) {
      el = render(item, null);
    }
    el.setAttribute(keyAttr, key);
    el.__sig = sig;
    existing.delete(key);
    if (parent.children[index] !== el) parent.insertBefore(el, parent.children[index] || null);
    index += 1;
  }
  for (const el of existing.values()) el.remove();
}

function focusMemo(container) {
  const active = document.activeElement;
  if (!active || !container.contains(active)) return null;
  return { tag: active.tagName, name: active.getAttribute('name'), text: active.textContent, href: active.getAttribute('href'), value: 'value' in active ? active.value : null };
}

function restoreFocus(container, memo) {
  if (!memo) return;
  for (const el of container.querySelectorAll(memo.tag)) {
    if ((memo.name && el.getAttribute('name') === memo.name) || (memo.href && el.getAttribute('href') === memo.href)
      || (!memo.name && !memo.href && el.textContent === memo.text)) {
      if (memo.value !== null && 'value' in el && el.value === '') el.value = memo.value;
      el.focus();
      return;
    }
  }
}
