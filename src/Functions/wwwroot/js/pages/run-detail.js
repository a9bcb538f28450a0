// Run detail: header facts, the pipeline graph by column, a streamed log per stage, approvals and deployment.
import { getJson, request, enc } from '../api.js';
import { h, dl, messageArea, replaceChildren, setText } from '../dom.js';
import { shortSha, duration, secondsBetween, timeEl, badge } from '../format.js';
import { poll } from '../poll.js';

const COLUMN = { checkout: 0, checks: 1, scans: 1, build: 2, approval: 3, deploy: 4, smoke: 5, rollback: 6 };
const COLUMN_TITLE = ['Checkout', 'Checks & scans', 'Build', 'Approval', 'Deploy', 'Smoke tests', 'Rollback'];
const ACTIVE = new Set(['Queued', 'Running']);

export function render(main, [id]) {
  const h1 = h('h1', {}, 'Run');
  const back = h('p', { class: 'breadcrumb' }, h('a', { href: '#/runs' }, '← All runs'));
  const messages = messageArea();
  const facts = h('div', { class: 'card run-facts', 'aria-live': 'polite' });
  const graph = h('section', { 'aria-label': 'Pipeline graph', class: 'graph-section' });
  const graphInner = h('div', { class: 'graph' });
  graph.append(h('h2', {}, 'Pipeline'), h('p', { class: 'muted hint' }, 'Select a stage to see its log.'), graphInner);
  const logHolder = h('div');
  const approvalsSection = h('section', { class: 'card', 'aria-labelledby': 'run-approvals-h' }, h('h2', { id: 'run-approvals-h' }, 'Approvals'));
  const approvalsBody = h('div');
  approvalsSection.append(approvalsBody);
  const deployedSection = h('section', { class: 'card', 'aria-labelledby': 'run-deployed-h' }, h('h2', { id: 'run-deployed-h' }, 'Deployed'));
  const deployedBody = h('div');
  deployedSection.append(deployedBody);
  main.append(back, h1, messages.el, facts, graph, logHolder, h('div', { class: 'two-col' }, approvalsSection, deployedSection));

  let detail = null;
  let graphSig = '';
  let factsSig = '';
  let log = null; // { name, pre, offset, poller, status }
  let poller = null;

  async function load() {
    let data;
    try {
      data = await getJson(`/api/runs/${enc(id)}`);
    } catch (e) {
      messages.alert(e.detail || e.message);
      if (e.status === 404) { setText(h1, 'Run not found'); poller?.stop(); }
      return;
    }
    messages.clear();
    detail = data;
    const run = data.run;
    setText(h1, `Run ${shortSha(run.commit)}`);
    document.title = `Run ${shortSha(run.commit)} · ${run.repository} · Serverless Pipelines`;
    renderFacts(data);
    renderGraph(data.stages || []);
    renderApprovals(data.approvals || []);
    await renderPendingGates(data);
    renderDeployed(data);
    if (log) log.stageChanged();
    if (!ACTIVE.has(run.status)) poller?.stop();
  }

  function renderFacts(data) {
    const run = data.run;
    const sig = JSON.stringify([run, data.reason, data.services]);
    if (sig === factsSig) return;
    factsSig = sig;
    replaceChildren(facts, dl([
      ['Status', badge(run.status, run.status)],
      ['Repository', run.repository],
      ['Branch', run.branch],
      ['Commit', h('code', { title: run.commit }, run.commit)],
      ['Message', run.message],
      ['Author', run.author],
      ['Trigger', run.trigger],
      ['Environment', run.environment || '—'],
      ['Services', (data.services || []).join(', ') || null],
      ['Started', timeEl(run.createdAt, { withRelative: true })],
      ['Duration', duration(run.durationSeconds)],
    ]));
    if (data.reason) facts.append(h('p', { class: 'reason' }, h('strong', {}, 'Reason: '), data.reason));
  }

  function renderGraph(stages) {
    const sig = JSON.stringify(stages.map(s => [s.name, s.state, s.startedAt, s.completedAt, s.detail, s.logName])) + (log?.name || '');
    if (sig === graphSig && !stages.some(s => s.state === 'Running')) return;
    graphSig = sig;
    const focusedStage = document.activeElement?.closest?.('.stage')?.dataset.stage;
    const columns = new Map();
    for (const stage of stages) {
      const n = COLUMN[stage.group] ?? 6;
      if (!columns.has(n)) columns.set(n, new Map());
      const groups = columns.get(n);
      if (!groups.has(stage.group)) groups.set(stage.group, []);
      groups.get(stage.group).push(stage);
    }
    const nodes = [...columns.keys()].sort((a, b) => a - b).map(n => h('div', { class: 'graph-column', dataset: { column: n } },
      h('h3', { class: 'column-title' }, COLUMN_TITLE[n]),
      h('div', { class: 'column-groups' }, [...columns.get(n).entries()].map(([group, list]) =>
        h('div', { class: 'graph-group', dataset: { group } },
          columns.get(n).size > 1 ? h('p', { class: 'group-title' }, group) : null,
          list.map(stageButton))))));
    if (!stages.length) nodes.push(h('p', { class: 'muted' }, 'No stages yet.'));
    graphInner.replaceChildren(...nodes);
    if (focusedStage) graphInner.querySelector(`.stage[data-stage="${CSS.escape(focusedStage)}"]`)?.focus();
  }

  function stageButton(stage) {
    const seconds = stage.startedAt ? secondsBetween(stage.startedAt, stage.completedAt) : null;
    const selected = log?.name === stage.name;
    return h('button', {
      type: 'button', class: ['stage', `state-${stage.state.toLowerCase()}`], dataset: { stage: stage.name, group: stage.group, state: stage.state },
      'aria-pressed': selected ? 'true' : 'false', title: stage.detail || '',
      onclick: () => openLog(stage.name),
    },
    h('span', { class: 'stage-name' }, stage.name),
    h('span', { class: 'stage-meta' }, badge(stage.state, stage.state), seconds !== null ? h('span', { class: 'stage-time' }, duration(seconds)) : null),
    stage.detail ? h('span', { class: 'stage-detail' }, stage.detail) : null);
  }

  function renderApprovals(list) {
    if (!list.length) { replaceChildren(approvalsBody, h('p', { class: 'muted' }, 'No approval decisions.')); return; }
    replaceChildren(approvalsBody, h('ul', { class: 'decisions' }, list.map(a => h('li', {},
      badge(a.choice, a.choice === 'Approve' ? 'Approved' : 'Rejected'), ' by ', h('strong', {}, a.approver), ' ', timeEl(a.at),
      a.comment ? h('blockquote', {}, a.comment) : null))));
  }

  // Gates of this run still waiting: who may approve and until when (from /api/approvals).
  const pendingBody = h('div', { class: 'pending-gates' });
  approvalsSection.append(pendingBody);
  async function renderPendingGates(data) {
    const waiting = (data.stages || []).some(s => s.group === 'approval' && s.state === 'Running');
    if (!waiting) { pendingBody.replaceChildren(); return; }
    let gates = [];
    try { gates = ((await getJson('/api/approvals'))?.approvals || []).filter(g => g.runId === id); } catch { return; }
    replaceChildren(pendingBody, gates.map(g => h('p', { class: 'waiting' },
      h('strong', {}, `Waiting for ${g.environment}: `), `${g.status}. May approve: ${g.mayApprove}. Expires `, timeEl(g.expiresAt, { withRelative: true }), '. ',
      h('a', { href: '#/approvals' }, 'Decide on the Approvals page'))));
  }

  function renderDeployed(data) {
    if (!data.deployedVersion) { replaceChildren(deployedBody, h('p', { class: 'muted' }, 'Not deployed.')); return; }
    replaceChildren(deployedBody, h('p', {}, h('code', { title: data.deployedVersion }, shortSha(data.deployedVersion)), ' → ',
      data.run.environment ? h('a', { href: '#/environments' }, data.run.environment) : 'environment'));
  }

  function openLog(name) {
    if (log?.name === name) { log.pre.focus(); return; }
    closeLog();
    const pre = h('pre', { class: 'log', tabindex: '0', hidden: true });
    const status = h('p', { class: 'muted', 'aria-live': 'polite' });
    const close = h('button', { type: 'button', class: 'secondary', onclick: () => { const n = log?.name; closeLog(); graphSig = ''; if (detail) renderGraph(detail.stages || []); if (n) graphInner.querySelector(`.stage[data-stage="${CSS.escape(n)}"]`)?.focus(); } }, 'Close log');
    const section = h('section', { class: 'card log-section', 'aria-label': `Log for ${name}` },
      h('div', { class: 'log-head' }, h('h2', {}, `Log: ${name}`), close), status, pre);
    logHolder.replaceChildren(section);
    const state = { name, pre, offset: 0, poller: null, decoder: new TextDecoder() };
    const stageOf = () => detail?.stages?.find(s => s.name === name);
    async function fetchLog() {
      const stage = stageOf();
      if (!stage?.logName) {
        setText(status, stage?.state === 'Pending' || stage?.state === 'Running' ? 'Waiting for the log…' : 'This stage has no log.');
        if (stage && !['Pending', 'Running'].includes(stage.state)) state.poller?.stop();
        return;
      }
      let response;
      try {
        response = await request(`/api/runs/${enc(id)}/logs/${enc(name)}?offset=${state.offset}`);
      } catch (e) {
        setText(status, e.status === 404 ? 'No log yet.' : (e.detail || e.message));
        return;
      }
      // Offsets count bytes: one streaming decoder keeps a UTF-8 character split across two polls intact.
      const bytes = new Uint8Array(await response.arrayBuffer());
      const next = response.headers.get('x-log-next-offset');
      const text = next !== null && next !== '' ? state.decoder.decode(bytes, { stream: true }) : new TextDecoder().decode(bytes);
      const atBottom = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
      if (next !== null && next !== '') {
        if (text) pre.append(document.createTextNode(text));
        state.offset = Number(next) || state.offset;
      } else if (text !== pre.textContent) {
        pre.textContent = text; // server without offsets: the whole log each time
      }
      pre.hidden = !pre.textContent;
      if (atBottom) pre.scrollTop = pre.scrollHeight;
      const running = stage.state === 'Running' || stage.state === 'Pending';
      setText(status, running ? 'Streaming… (updates every second)' : `Stage ${stage.state.toLowerCase()}. ${pre.textContent ? '' : 'The log is empty.'}`.trim());
      if (!running) state.poller?.stop();
    }
    state.poller = poll(fetchLog, 1000);
    state.stageChanged = () => { if (state.poller.stopped) { const s = stageOf(); if (s && s.state === 'Running') state.poller = poll(fetchLog, 1000); } };
    log = state;
    graphSig = '';
    if (detail) renderGraph(detail.stages || []);
  }

  function closeLog() {
    if (log) { log.poller?.stop(); log = null; }
    logHolder.replaceChildren();
  }

  poller = poll(load, 2000);
  return () => { poller.stop(); closeLog(); };
}
