// One orchestration instance: status, input/output, history timeline, and management actions.
import { request, enc, session } from '../api.js';
import { h, dl, field, messageArea, replaceChildren } from '../dom.js';
import { timeEl, badge, prettyJson, duration, secondsBetween } from '../format.js';
import { poll } from '../poll.js';
import { DURABLE, adminNotice } from './orchestrations.js';

const FINAL = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

export function render(main, [instanceId]) {
  main.append(h('p', { class: 'breadcrumb' }, h('a', { href: '#/orchestrations' }, '← All orchestrations')),
    h('h1', { class: 'break' }, instanceId));
  if (!session.admin) { main.append(adminNotice()); return () => {}; }

  const base = `${DURABLE}/instances/${enc(instanceId)}`;
  const messages = messageArea('page-messages');
  const facts = h('div', { class: 'card', 'aria-live': 'polite' });
  const payloads = h('div', { class: 'payloads' });
  const historyList = h('ol', { 'aria-label': 'History', class: 'timeline' });

  // Actions
  const reason = field('Reason', h('input', { type: 'text', name: 'reason', autocomplete: 'off', placeholder: 'optional' }), 'Sent with terminate, suspend and resume.');
  const buttons = ['Terminate', 'Suspend', 'Resume', 'Restart', 'Purge'].map(name => h('button', { type: 'button', class: name === 'Terminate' || name === 'Purge' ? 'danger' : 'secondary', dataset: { action: name.toLowerCase() } }, name));
  const eventName = field('Event name', h('input', { type: 'text', name: 'eventName', required: true, autocomplete: 'off' }));
  const eventData = field('Event data (JSON)', h('textarea', { name: 'eventData', rows: '3', spellcheck: 'false' }), 'Any JSON value; empty sends null.');
  const raise = h('button', { type: 'submit' }, 'Raise event');
  const raiseForm = h('form', { class: 'raise', 'aria-labelledby': 'raise-h' }, h('h3', { id: 'raise-h' }, 'Raise event'), eventName.wrapper, eventData.wrapper, h('div', { class: 'actions' }, raise));
  const actions = h('section', { class: 'card', 'aria-labelledby': 'actions-h' },
    h('h2', { id: 'actions-h' }, 'Actions'), reason.wrapper, h('div', { class: 'actions' }, buttons), raiseForm);

  main.append(messages.el, facts, actions, payloads,
    h('section', { class: 'card', 'aria-labelledby': 'history-h' }, h('h2', { id: 'history-h' }, 'History'), historyList));

  let sig = '';
  let poller = null;

  async function load() {
    let response, data;
    try {
      response = await request(`${base}?showHistory=true&showHistoryOutput=true&showInput=true`, { quiet401: true });
      data = await response.json();
    } catch (e) {
      messages.alert(e.status === 404 ? `No orchestration instance '${instanceId}' (it may have been purged).` : (e.detail || e.message));
      if (e.status === 404) poller?.stop();
      return;
    }
    const s = JSON.stringify(data);
    if (s === sig) return;
    sig = s;
    replaceChildren(facts, dl([
      ['Name', data.name],
      ['Status', badge(data.runtimeStatus, data.runtimeStatus)],
      ['Created', timeEl(data.createdTime)],
      ['Last updated', timeEl(data.lastUpdatedTime)],
    ]));
    replaceChildren(payloads,
      payload('Input', data.input), payload('Output', data.output), payload('Custom status', data.customStatus));
    renderHistory(data.historyEvents || []);
    if (FINAL.has(data.runtimeStatus)) poller?.stop();
  }

  function renderHistory(events) {
    if (!events.length) { replaceChildren(historyList, h('li', { class: 'muted' }, 'No history.')); return; }
    replaceChildren(historyList, events.map(e => {
      const seconds = e.ScheduledTime ? secondsBetween(e.ScheduledTime, e.Timestamp) : null;
      const failed = /Failed/.test(e.EventType) || e.OrchestrationStatus === 'Failed';
      const extra = e.Result !== undefined && e.Result !== null ? prettyJson(e.Result)
        : e.FailureDetails ? prettyJson(e.FailureDetails) : e.Reason || e.Details || null;
      return h('li', { class: ['event', failed ? 'event-failed' : null] },
        h('span', { class: 'event-type' }, e.EventType),
        e.FunctionName || e.Name ? h('span', { class: 'event-fn' }, e.FunctionName || e.Name) : null,
        timeEl(e.Timestamp),
        seconds !== null ? h('span', { class: 'event-duration' }, duration(seconds)) : null,
        e.FireAt ? h('span', { class: 'muted' }, 'fires at ', timeEl(e.FireAt)) : null,
        extra ? h('details', {}, h('summary', {}, 'Details'), h('pre', {}, extra)) : null);
    }));
  }

  async function act(action) {
    const r = encodeURIComponent(reason.control.value.trim());
    const calls = {
      terminate: [`${base}/terminate?reason=${r}`, 'POST', 'Terminate requested'],
      suspend: [`${base}/suspend?reason=${r}`, 'POST', 'Suspend requested'],
      resume: [`${base}/resume?reason=${r}`, 'POST', 'Resume requested'],
      restart: [`${base}/restart?restartWithNewInstanceId=true`, 'POST', 'Restarted'],
      purge: [base, 'DELETE', 'Purged'],
    };
    const [url, method, done] = calls[action];
    messages.clear();
    try {
      const response = await request(url, { method, quiet401: true });
      let body = null;
      try { body = await response.json(); } catch { body = null; }
      if (action === 'restart' && body?.id && body.id !== instanceId) {
        replaceChildren(messages.el, h('p', { role: 'status', class: 'msg msg-ok' }, `${done} as `, h('a', { href: `#/orchestrations/${enc(body.id)}` }, body.id), '.'));
      } else messages.status(`${done}.`);
      if (action === 'purge') {
        poller?.stop();
        replaceChildren(messages.el, h('p', { role: 'status', class: 'msg msg-ok' }, 'Purged: the instance and its history are deleted. ', h('a', { href: '#/orchestrations' }, 'Back to orchestrations')));
        for (const b of buttons) b.disabled = true;
        raise.disabled = true;
        return;
      }
      sig = '';
      if (poller?.stopped) poller = poll(load, 2000); else poller?.now();
    } catch (e) {
      messages.alert(problemText(e));
    }
  }

  for (const b of buttons) b.addEventListener('click', () => act(b.dataset.action));
  raiseForm.addEventListener('submit', async event => {
    event.preventDefault();
    const name = eventName.control.value.trim();
    if (!name) { messages.alert('Enter the event name.'); eventName.control.focus(); return; }
    let json = null;
    if (eventData.control.value.trim()) {
      try { json = JSON.parse(eventData.control.value); } catch { messages.alert('Event data is not valid JSON.'); eventData.control.focus(); return; }
    }
    try {
      await request(`${base}/raiseEvent/${enc(name)}`, { method: 'POST', json, quiet401: true });
      messages.status(`Event ${name} raised.`);
      sig = '';
      poller?.now();
    } catch (e) { messages.alert(problemText(e)); }
  });

  poller = poll(load, 2000);
  return () => poller?.stop();
}

function problemText(e) {
  if (e.status === 410) return e.detail && e.detail !== 'This is gone (expired).' ? e.detail : 'The instance has already finished.';
  if (e.status === 412) return e.detail || 'The instance is not in a state that allows this.';
  return e.detail || e.message;
}

function payload(title, value) {
  return h('section', { class: 'card payload', 'aria-label': title }, h('h2', {}, title),
    h('pre', { tabindex: '0' }, prettyJson(value)));
}
