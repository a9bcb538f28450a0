// Runs: live list with filters; rows updated in place, keyed by data-run-id.
import { getJson, enc } from '../api.js';
import { h, field, select, table, tableWrap, messageArea, setText } from '../dom.js';
import { shortSha, duration, timeEl, badge } from '../format.js';
import { poll } from '../poll.js';

// Option values are exactly the status names; the labels explain the less obvious ones.
const STATUSES = [
  ['Queued', 'Queued'], ['Running', 'Running'], ['Succeeded', 'Succeeded'], ['Failed', 'Failed'], ['Canceled', 'Canceled'],
  ['Validated', 'Validated (pull request)'],
  ['Built', 'Built (branch with no environment)'],
  ['Superseded', 'Superseded (a newer push replaced it)'],
];
// Commit (the way into a run) comes right after Status so it stays on screen on narrow viewports.
const HEADERS = ['Status', 'Commit', 'Repository', 'Branch', 'Message', 'Author', 'Environment', 'Stage', 'Started', 'Duration'];
const COL = Object.fromEntries(HEADERS.map((name, i) => [name.toLowerCase(), i]));

export function render(main) {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const repo = field('Repository', h('input', { type: 'search', name: 'repo', list: 'runs-repos', autocomplete: 'off', placeholder: 'owner/name', value: query.get('repo') || '' }));
  const branch = field('Branch', h('input', { type: 'search', name: 'branch', list: 'runs-branches', autocomplete: 'off', placeholder: 'any', value: query.get('branch') || '' }));
  const environment = field('Environment', select([['', 'Any'], 'dev', 'staging', 'production'], { name: 'environment' }));
  const status = field('Status', select([['', 'Any'], ...STATUSES], { name: 'status' }));
  environment.control.value = query.get('environment') || '';
  status.control.value = query.get('status') || '';
  const repoList = h('datalist', { id: 'runs-repos' });
  const branchList = h('datalist', { id: 'runs-branches' });
  const clear = h('button', { type: 'button', class: 'secondary' }, 'Clear filters');
  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': 'Filter runs' },
    repo.wrapper, branch.wrapper, environment.wrapper, status.wrapper, h('div', { class: 'field field-button' }, clear), repoList, branchList);
  const messages = messageArea();
  const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  const { table: t, tbody } = table('Runs', HEADERS);
  t.classList.add('runs-table');
  const olderButton = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Show older runs');
  main.append(h('h1', {}, 'Runs'), form, messages.el, summary, tableWrap('Runs', t), h('div', { class: 'actions' }, olderButton));

  const knownRepos = new Set();
  const knownBranches = new Set();
  const pageSize = pageSizeFrom(query);
  let generation = 0;
  // The newest page is polled; older pages are fetched once, on request, and kept below it until the filters change.
  // `older` starts with the newest page as it was then, so runs that later slide off the polled page stay listed.
  let newest = { runs: [], token: null };
  let older = [];
  let olderToken = null;
  let olderLoaded = false;
  let filtersVersion = 0;

  function show() {
    const live = new Set(newest.runs.map(r => r.id));
    const list = [...newest.runs, ...older.filter(r => !live.has(r.id))];
    updateRows(tbody, list);
    for (const run of list) {
      if (!knownRepos.has(run.repository)) { knownRepos.add(run.repository); repoList.append(h('option', { value: run.repository })); }
      if (!knownBranches.has(run.branch)) { knownBranches.add(run.branch); branchList.append(h('option', { value: run.branch })); }
    }
    const filtered = filterParams().size > 0;
    setText(summary, list.length ? `${list.length} run${list.length === 1 ? '' : 's'}${filtered ? ' matching the filters' : ''}, newest first.` : '');
    olderButton.hidden = !(olderLoaded ? olderToken : newest.token);
  }

  function filterParams() {
    const params = new URLSearchParams();
    if (repo.control.value.trim()) params.set('repo', repo.control.value.trim());
    if (branch.control.value.trim()) params.set('branch', branch.control.value.trim());
    if (environment.control.value) params.set('environment', environment.control.value);
    if (status.control.value) params.set('status', status.control.value);
    return params;
  }

  async function load() {
    const mine = ++generation;
    let page;
    try {
      page = await fetchRuns(filterParams(), pageSize);
    } catch (e) {
      if (mine === generation) messages.alert(e.detail || e.message);
      return;
    }
    if (mine !== generation) return;
    messages.clear();
    newest = page;
    show();
  }

  olderButton.addEventListener('click', async () => {
    const version = filtersVersion;
    const base = olderLoaded ? older : newest.runs;
    olderButton.disabled = true;
    try {
      // An empty page with a token is possible: the API bounds how far one request scans for filtered runs.
      const page = await fetchRuns(filterParams(), pageSize, olderLoaded ? olderToken : newest.token);
      if (version !== filtersVersion) return;
      const seen = new Set(base.map(r => r.id));
      older = [...base, ...page.runs.filter(r => !seen.has(r.id))];
      olderToken = page.token;
      olderLoaded = true;
      show();
    } catch (e) {
      messages.alert(e.detail || e.message);
    } finally {
      olderButton.disabled = false;
    }
  });

  // The environment filter offers the configured environments (dev, staging, production until they load).
  getJson('/api/environments').then(data => {
    const names = (data?.environments || []).map(e => e.name);
    if (!names.length) return;
    const current = environment.control.value;
    environment.control.replaceChildren(h('option', { value: '' }, 'Any'), ...names.map(n => h('option', { value: n }, n)));
    environment.control.value = names.includes(current) ? current : '';
  }).catch(() => {});

  const poller = poll(load, 2000);
  let debounce = null;
  function changed() {
    const params = filterParams();
    if (query.has('top')) params.set('top', String(pageSize));
    const hash = `#/runs${params.size ? `?${params}` : ''}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
    // Until the next load the newest page is the old filters' answer: show and continue nothing from it.
    newest = { runs: [], token: null };
    older = [];
    olderToken = null;
    olderLoaded = false;
    olderButton.hidden = true;
    filtersVersion++;
    clearTimeout(debounce);
    debounce = setTimeout(() => { generation++; poller.now(); }, 250);
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', e => { e.preventDefault(); changed(); });
  clear.addEventListener('click', () => {
    repo.control.value = ''; branch.control.value = ''; environment.control.value = ''; status.control.value = '';
    changed();
  });

  return () => { poller.stop(); clearTimeout(debounce); };
}

/** Runs per page: 100, or the address's `top` (1–100). */
const PAGE_SIZE = 100;
function pageSizeFrom(query) {
  const top = Number.parseInt(query.get('top') || '', 10);
  return top >= 1 && top <= PAGE_SIZE ? top : PAGE_SIZE;
}

/** One page of runs, newest first, the filters applied across the API's pages; `token` continues after it. */
async function fetchRuns(params, top, token) {
  const query = new URLSearchParams(params);
  query.set('top', String(top));
  if (token) query.set('continuationToken', token);
  const data = await getJson(`/api/runs?${query}`);
  return { runs: data?.runs || [], token: data?.continuationToken || null };
}

function updateRows(tbody, runs) {
  const rows = new Map();
  for (const tr of Array.from(tbody.children)) {
    if (tr.dataset.runId) rows.set(tr.dataset.runId, tr); else tr.remove();
  }
  if (!runs.length) {
    for (const tr of rows.values()) tr.remove();
    tbody.append(h('tr', { class: 'empty' }, h('td', { colspan: String(HEADERS.length) }, 'No runs yet. Push to a configured repository to start one.')));
    return;
  }
  runs.forEach((run, index) => {
    let tr = rows.get(run.id);
    rows.delete(run.id);
    if (!tr) tr = createRow(run);
    updateRow(tr, run);
    if (tbody.children[index] !== tr) tbody.insertBefore(tr, tbody.children[index] || null);
  });
  for (const tr of rows.values()) tr.remove();
}

function createRow(run) {
  const tr = h('tr', { dataset: { runId: run.id } });
  for (let i = 0; i < HEADERS.length; i++) tr.append(h('td'));
  const link = h('a', { href: `#/runs/${enc(run.id)}`, title: run.commit }, h('code', {}, shortSha(run.commit)));
  tr.children[COL.commit].append(link);
  tr.children[COL.commit].className = 'commit';
  tr.children[COL.message].className = 'message';
  tr.children[COL.message].append(h('span', { class: 'message-text' }));
  tr.children[COL.started].className = 'started';
  tr.children[COL.duration].className = 'duration';
  return tr;
}

function updateRow(tr, run) {
  if (tr.dataset.status !== run.status) {
    tr.dataset.status = run.status;
    tr.children[COL.status].replaceChildren(badge(run.status, run.status));
  }
  const c = tr.children;
  setText(c[COL.repository], run.repository);
  setText(c[COL.branch], run.branch);
  setText(c[COL.message].firstChild, run.message);
  c[COL.message].title = run.message || '';
  setText(c[COL.author], run.author);
  setText(c[COL.environment], run.environment || '—');
  setText(c[COL.stage], run.stage || '—');
  const started = c[COL.started];
  const day = new Date().toDateString();
  if (started.dataset.iso !== run.createdAt || started.dataset.day !== day) {
    started.dataset.iso = run.createdAt || '';
    started.dataset.day = day;
    started.replaceChildren(timeEl(run.createdAt, { short: true }));
  }
  setText(c[COL.duration], duration(run.durationSeconds));
}
