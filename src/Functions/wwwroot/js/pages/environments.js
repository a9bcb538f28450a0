// Environments: what is live where, the version before it, candidate and health; admin rollback with a dialog.
import { getJsonShown, postJson, enc, session } from '../api.js';
import { h, dl, field, messageArea, syncKeyed } from '../dom.js';
import { shortSha, timeEl, badge } from '../format.js';
import { poll } from '../poll.js';

export function render(main) {
  const messages = messageArea('page-messages');
  const list = h('div', { class: 'environments', 'aria-live': 'polite' });
  const empty = h('p', { class: 'empty-state', hidden: true }, 'No environments are configured.');
  main.append(h('h1', {}, 'Environments'), h('p', { class: 'muted' }, 'What runs where, what ran before it, and how healthy it is.'), messages.el, empty, list);

  // One dialog for the page, filled in for the service being rolled back.
  const reason = field('Reason', h('textarea', { name: 'reason', rows: '3', required: true, maxlength: '500' }), 'Why the previous version should be live again (at most 500 characters).');
  const dialogTitle = h('h2', { id: 'rollback-title' }, 'Roll back');
  const dialogText = h('p');
  const dialogMessages = messageArea();
  const confirm = h('button', { type: 'submit', class: 'danger' }, 'Confirm rollback');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const dialogForm = h('form', { method: 'dialog' }, dialogTitle, dialogText, reason.wrapper, dialogMessages.el, h('div', { class: 'actions' }, confirm, cancel));
  const dialog = h('dialog', { 'aria-labelledby': 'rollback-title', class: 'dialog' }, dialogForm);
  main.append(dialog);
  let target = null;
  let opener = null;

  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { opener?.focus(); });
  dialogForm.addEventListener('submit', async event => {
    event.preventDefault();
    if (!target) return;
    const text = reason.control.value.trim();
    if (!text) { dialogMessages.alert('Give a reason for the rollback.'); reason.control.focus(); return; }
    confirm.disabled = true;
    dialogMessages.clear();
    try {
      const result = await postJson(`/api/environments/${enc(target.environment)}/services/${enc(target.service)}/rollback`, { reason: text }, { quiet401: true });
      dialog.close();
      messages.status(result?.message || `Rolled back ${target.service} in ${target.environment}.`);
      poller.now();
    } catch (e) {
      dialogMessages.alert(e.detail || e.message);
    } finally {
      confirm.disabled = false;
    }
  });

  function openRollback(environment, service, button) {
    target = { environment, service: service.service };
    opener = button;
    dialogTitle.textContent = `Roll back ${service.service} in ${environment}`;
    dialogText.textContent = service.candidate
      ? `The candidate ${shortSha(service.candidate.version)} will be stopped and ${shortSha(service.live?.version)} keeps serving.`
      : `${shortSha(service.previous?.version) || 'The previous version'} becomes live again instead of ${shortSha(service.live?.version)}.`;
    reason.control.value = '';
    dialogMessages.clear();
    messages.clear();
    dialog.showModal();
    reason.control.focus();
  }

  async function load() {
    const data = await getJsonShown('/api/environments', messages);
    if (!data) return;
    const envs = data?.environments || [];
    empty.hidden = envs.length > 0;
    syncKeyed(list, envs.map(e => ({ ...e, admin: session.admin })), e => e.name, env => renderEnvironment(env, openRollback), 'data-environment');
  }

  const poller = poll(load, 2000);
  return () => { poller.stop(); if (dialog.open) dialog.close(); };
}

function renderEnvironment(env, openRollback) {
  return h('section', { class: 'card environment', 'aria-labelledby': `env-${env.name}` },
    h('div', { class: 'env-head' },
      h('h2', { id: `env-${env.name}` }, env.name),
      env.url ? h('a', { href: env.url, rel: 'noopener noreferrer', target: '_blank' }, env.url, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')) : null,
      env.strategy ? h('span', { class: 'pill' }, env.strategy) : null),
    env.services?.length
      ? h('div', { class: 'services' }, env.services.map(s => renderService(env, s, openRollback)))
      : h('p', { class: 'muted' }, 'Nothing deployed yet.'));
}

function version(v, attr) {
  if (!v) return h('span', { class: 'muted' }, 'none');
  return h('code', { [attr]: v.version, title: v.version }, shortSha(v.version));
}

function who(v) {
  if (!v) return null;
  const people = [v.author, v.pusher && v.pusher !== v.author ? `pushed by ${v.pusher}` : null].filter(Boolean).join(', ');
  return h('span', {}, people || 'unknown', v.runId ? [' · ', h('a', { href: `#/runs/${enc(v.runId)}` }, 'run')] : null);
}

/** The live/candidate slot, shown only for blue-green environments (other strategies have no slots). */
function slotText(env, v) {
  return env.strategy === 'blue-green' && v?.slot ? ` (slot ${v.slot})` : '';
}

/** Health text: "unknown" means the live version has not been checked yet (or never). */
function healthView(health) {
  const status = String(health?.status || 'unknown').toLowerCase();
  if (status === 'unknown') {
    return h('span', {}, badge('unknown', 'unknown'), ' · ',
      health?.lastChecked
        ? h('span', { class: 'muted' }, 'not checked since this version went live (last check ', timeEl(health.lastChecked), ')')
        : h('span', { class: 'muted' }, 'not checked yet'));
  }
  return h('span', {}, badge(status, status),
    health.lastChecked ? [' · checked ', timeEl(health.lastChecked)] : null,
    status === 'unhealthy' && health.failingSince ? [' · failing since ', timeEl(health.failingSince)] : null);
}

function renderService(env, s, openRollback) {
  // With no previous version and no candidate the API would answer 409: the button stays (disabled, so the browser
  // tests' "admin sees Roll back" contract holds) and a note says why.
  const canRollBack = Boolean(s.previous || s.candidate);
  const noteId = `nothing-${env.name}-${s.service}`;
  const rollback = !env.admin ? null
    : canRollBack
      ? h('button', { type: 'button', class: 'danger', onclick: e => openRollback(env.name, s, e.currentTarget) }, `Roll back ${s.service}`)
      : [h('button', { type: 'button', class: 'danger', disabled: true, 'aria-describedby': noteId }, `Roll back ${s.service}`),
        h('span', { class: 'muted', id: noteId }, 'Nothing to roll back to')];
  const canary = env.strategy === 'canary';
  return h('article', { class: 'service', dataset: { service: s.service } },
    h('h3', {}, s.service),
    dl([
      ['Live', h('span', {}, version(s.live, 'data-live-version'), slotText(env, s.live), s.live && !s.live.running ? ' — not running' : '')],
      ['Since', s.live ? timeEl(s.live.since, { withRelative: true }) : null],
      ['By', who(s.live)],
      ['Message', s.live?.message || null],
      ['Previous', h('span', {}, version(s.previous, 'data-previous-version'), s.previous?.since ? [' · ', timeEl(s.previous.since)] : null)],
      ['Candidate', s.candidate ? h('span', {}, version(s.candidate, 'data-candidate-version'), slotText(env, s.candidate),
        canary ? ` · ${s.candidatePercent ?? 0}% of traffic` : '') : null],
      ['Health', healthView(s.health)],
    ]),
    rollback ? h('div', { class: 'actions' }, rollback) : null);
}
