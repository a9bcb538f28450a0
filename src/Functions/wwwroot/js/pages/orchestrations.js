// Orchestrations: Durable Functions instances with filters and paging (needs the master key).
import { request, enc, session } from '../api.js';
import { h, field, select, table, tableWrap, messageArea, setText, syncKeyed } from '../dom.js';
import { timeEl, badge } from '../format.js';
import { poll } from '../poll.js';

export const DURABLE = '/runtime/webhooks/durabletask';
const STATUSES = ['Running', 'Pending', 'Completed', 'Failed', 'Terminated', 'Suspended'];
const PAGE_SIZE = 50;

export function adminNotice() {
  return h('p', { class: 'notice' }, 'Orchestrations are read through the Durable Functions management API, which needs the master (admin) key. Sign out and sign in with it to see them.');
}

export function render(main) {
  main.append(h('h1', {}, 'Orchestrations'));
  if (!session.admin) { main.append(adminNotice()); return () => {}; }

  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const status = field('Status', select([['', 'Any'], ...STATUSES], { name: 'runtimeStatus' }));
  status.control.value = query.get('status') || '';
  const prefix = field('Instance ID prefix', h('input', { type: 'search', name: 'instanceIdPrefix', autocomplete: 'off', placeholder: 'run-', value: query.get('prefix') || '' }));
  const after = field('Created after', h('input', { type: 'datetime-local', name: 'createdTimeFrom', step: '1', value: query.get('after') || '' }));
  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': 'Filter orchestrations' }, status.wrapper, prefix.wrapper, after.wrapper);
  const messages = messageArea();
  const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  const { table: t, tbody } = table('Orchestrations', ['Instance ID', 'Name', 'Status', 'Created', 'Last updated']);
  const first = h('button', { type: 'button', class: 'secondary' }, 'First page');
  const next = h('button', { type: 'button', class: 'secondary' }, 'Next page');
  const pageLabel = h('span', { class: 'muted', 'aria-live': 'polite' });
  main.append(form, messages.el, summary, tableWrap('Orchestrations', t),
    h('nav', { class: 'pager', 'aria-label': 'Orchestration pages' }, first, next, pageLabel));

  let tokens = ['']; // continuation token of each page seen so far
  let page = 0;
  let nextToken = '';
  let generation = 0;

  async function load() {
    const mine = ++generation;
    const params = new URLSearchParams({ top: String(PAGE_SIZE) });
    if (status.control.value) params.set('runtimeStatus', status.control.value);
    if (prefix.control.value.trim()) params.set('instanceIdPrefix', prefix.control.value.trim());
    if (after.control.value) {
      const d = new Date(after.control.value);
      if (!Number.isNaN(d.getTime())) params.set('createdTimeFrom', d.toISOString());
    }
    const headers = tokens[page] ? { 'x-ms-continuation-token': tokens[page] } : {};
    let response, list;
    try {
      response = await request(`${DURABLE}/instances?${params}`, { headers, quiet401: true });
      list = await response.json();
    } catch (e) {
      if (mine === generation) messages.alert(e.status === 401 || e.status === 403 ? "The Durable Functions API needs the master key or an admin's personal key." : (e.detail || e.message));
      return;
    }
    if (mine !== generation) return;
    messages.clear();
    nextToken = response.headers.get('x-ms-continuation-token') || '';
    const items = Array.isArray(list) ? list : [];
    syncKeyed(tbody, items.map(i => ({ instanceId: i.instanceId, name: i.name, runtimeStatus: i.runtimeStatus, createdTime: i.createdTime, lastUpdatedTime: i.lastUpdatedTime })),
      i => i.instanceId, row, 'data-instance-id');
    if (!items.length) tbody.append(h('tr', { class: 'empty' }, h('td', { colspan: '5' }, 'No orchestrations match.')));
    setText(summary, `${items.length} instance${items.length === 1 ? '' : 's'} on this page.`);
    setText(pageLabel, `Page ${page + 1}`);
    next.disabled = !nextToken;
    first.disabled = page === 0;
  }

  const poller = poll(load, 2000);
  let debounce = null;
  function changed() {
    tokens = ['']; page = 0;
    const q = new URLSearchParams();
    if (status.control.value) q.set('status', status.control.value);
    if (prefix.control.value.trim()) q.set('prefix', prefix.control.value.trim());
    if (after.control.value) q.set('after', after.control.value);
    history.replaceState(null, '', `#/orchestrations${q.size ? `?${q}` : ''}`);
    clearTimeout(debounce);
    debounce = setTimeout(() => { generation++; poller.now(); }, 250);
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', e => { e.preventDefault(); changed(); });
  next.addEventListener('click', () => { if (!nextToken) return; tokens[page + 1] = nextToken; page += 1; generation++; poller.now(); });
  first.addEventListener('click', () => { page = 0; generation++; poller.now(); });

  return () => { poller.stop(); clearTimeout(debounce); };
}

function row(i) {
  return h('tr', {},
    h('td', {}, h('a', { href: `#/orchestrations/${enc(i.instanceId)}` }, h('code', {}, i.instanceId))),
    h('td', {}, i.name),
    h('td', {}, badge(i.runtimeStatus, i.runtimeStatus)),
    h('td', {}, timeEl(i.createdTime)),
    h('td', {}, timeEl(i.lastUpdatedTime)));
}
