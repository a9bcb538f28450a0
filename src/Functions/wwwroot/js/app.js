// Shell: router, sign-in, session, nav state, approvals badge, freeze banner, page lifecycle.
import { session, getJson, UNAUTHORIZED_EVENT } from './api.js';
import { h, field, replaceChildren, setText } from './dom.js';
import { poll } from './poll.js';
import * as runs from './pages/runs.js';
import * as runDetail from './pages/run-detail.js';
import * as approvals from './pages/approvals.js';
import * as environments from './pages/environments.js';
import * as health from './pages/health.js';
import * as orchestrations from './pages/orchestrations.js';
import * as orchestrationDetail from './pages/orchestration-detail.js';

const main = document.getElementById('main');
const banners = document.querySelector('[data-banners]');
const sessionBox = document.querySelector('[data-session]');
const sessionName = document.querySelector('[data-session-name]');
const approvalsBadge = document.querySelector('[data-approvals-count]');

const routes = [
  { pattern: /^\/runs\/([^/]+)$/, nav: 'runs', page: runDetail, title: 'Run' },
  { pattern: /^\/runs\/?$/, nav: 'runs', page: runs, title: 'Runs' },
  { pattern: /^\/approvals\/?$/, nav: 'approvals', page: approvals, title: 'Approvals' },
  { pattern: /^\/environments\/?$/, nav: 'environments', page: environments, title: 'Environments' },
  { pattern: /^\/health\/?$/, nav: 'health', page: health, title: 'Health & security' },
  { pattern: /^\/orchestrations\/(.+)$/, nav: 'orchestrations', page: orchestrationDetail, title: 'Orchestration' },
  { pattern: /^\/orchestrations\/?$/, nav: 'orchestrations', page: orchestrations, title: 'Orchestrations' },
];

let dispose = null;
let shellPoller = null;
let signInMessage = '';
let firstRender = true;

function currentPath() {
  const hash = location.hash.replace(/^#/, '');
  return hash.split('?')[0] || '/runs';
}

function setNav(key) {
  for (const link of document.querySelectorAll('nav[aria-label="Main"] a[data-nav]')) {
    if (link.dataset.nav === key) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function stopPage() {
  if (dispose) { try { dispose(); } catch (e) { console.warn(e); } }
  dispose = null;
}

function route() {
  stopPage();
  if (!session.signedIn) { showSignIn(); return; }
  if (!location.hash || location.hash === '#' || location.hash === '#/') {
    history.replaceState(null, '', '#/runs');
  }
  const path = currentPath();
  const match = routes.map(r => ({ r, m: r.pattern.exec(path) })).find(x => x.m);
  main.replaceChildren();
  if (!match) {
    setNav(null);
    document.title = 'Not found · Serverless Pipelines';
    main.append(h('h1', {}, 'Page not found'), h('p', {}, 'There is no page at ', h('code', {}, path), '. ', h('a', { href: '#/runs' }, 'Go to runs')));
  } else {
    setNav(match.r.nav);
    document.title = `${match.r.title} · Serverless Pipelines`;
    const params = match.m.slice(1).map(decodeURIComponent);
    const result = match.r.page.render(main, params, { session });
    dispose = typeof result === 'function' ? result : null;
  }
  if (!firstRender) main.focus({ preventScroll: false });
  firstRender = false;
}

function showSignIn() {
  stopShell();
  setNav(null);
  sessionBox.hidden = true;
  approvalsBadge.hidden = true;
  banners.replaceChildren();
  document.title = 'Sign in · Serverless Pipelines';
  const key = field('Access key', h('input', { type: 'password', name: 'key', autocomplete: 'current-password', required: true }),
    'Your personal key if you have one, otherwise the function key; the master key adds admin actions.');
  const name = field('Your name', h('input', { type: 'text', name: 'name', autocomplete: 'username', value: session.name }),
    'Your approver identity, e.g. your GitHub login. Not needed with a personal key: it names you.');
  const messages = h('div', { class: 'messages' });
  if (signInMessage) messages.append(h('p', { role: 'alert', class: 'msg msg-error' }, signInMessage));
  const form = h('form', { class: 'card sign-in', novalidate: true },
    key.wrapper, name.wrapper, messages,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in')));
  const refuse = (text, control) => {
    replaceChildren(messages, h('p', { role: 'alert', class: 'msg msg-error' }, text));
    control.focus();
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const k = key.control.value.trim();
    const n = name.control.value.trim();
    if (!k) { refuse('Enter the access key.', key.control); return; }
    // The name travels in an HTTP header, which carries ASCII only; with a personal key it is not needed at all.
    const sendable = /^[\x20-\x7e]*$/.test(n);
    session.save(k, sendable ? n : '');
    signInMessage = '';
    try {
      const info = await getJson('/api/session', { quiet401: true });
      if (!info?.verified && !n) { session.clear(); refuse('Enter your name: this host takes the name you give.', name.control); return; }
      if (!info?.verified && !sendable) { session.clear(); refuse('Use letters, digits and punctuation without accents in your name (for example your GitHub login).', name.control); return; }
      adoptSession(info);
    } catch (e) {
      if (e.status === 401 || e.status === 403) {
        session.clear();
        refuse(`The access key was not accepted. (${e.detail})`, key.control);
        return;
      }
      session.admin = false; // /api/session missing or failing: treat as non-admin
      if (!n || !sendable) { session.clear(); refuse(!n ? 'Enter your name.' : 'Use letters, digits and punctuation without accents in your name.', name.control); return; }
    }
    startShell();
    route();
    main.focus();
  });
  main.replaceChildren(h('h1', {}, 'Sign in'),
    h('p', {}, 'Sign in with an access key to see runs, approvals and environments.'), form);
  key.control.focus();
}

/** With personal keys the host says who you are; otherwise the name typed at sign-in stands. */
function adoptSession(info) {
  session.admin = Boolean(info?.admin);
  session.verified = Boolean(info?.verified);
  if (session.verified) session.save(session.key, info.principal || '');
}

async function refreshSession() {
  try {
    const info = await getJson('/api/session', { quiet401: true });
    adoptSession(info);
  } catch (e) {
    if (e.status === 401) { signOut(`The access key was not accepted; sign in again. (${e.detail})`); return false; }
    session.admin = false;
  }
  return true;
}

async function refreshShell() {
  const [approvalsResult, securityResult] = await Promise.allSettled([
    getJson('/api/approvals'),
    getJson('/api/security'),
  ]);
  if (approvalsResult.status === 'fulfilled') {
    const count = approvalsResult.value?.approvals?.length || 0;
    approvalsBadge.hidden = count === 0;
    const text = count ? String(count) : '';
    if (approvalsBadge.dataset.count !== text) {
      approvalsBadge.dataset.count = text;
      approvalsBadge.replaceChildren(text, h('span', { class: 'visually-hidden' }, ' waiting'));
    }
  }
  if (securityResult.status === 'fulfilled') renderFreezeBanner(securityResult.value?.frozen || []);
}

function renderFreezeBanner(frozen) {
  const text = frozen.length
    ? `Deployments of ${frozen.join(', ')} ${frozen.length === 1 ? 'are' : 'are'} frozen: the security scan found exposed secrets. See Health & security.`
    : '';
  const existing = banners.querySelector('.freeze-banner');
  if (!frozen.length) { if (existing) existing.remove(); return; }
  if (existing && existing.dataset.text === text) return;
  const banner = h('div', { class: 'freeze-banner', role: 'alert', dataset: { text } },
    `Deployments of ${frozen.join(', ')} are frozen: the security scan found exposed secrets. `,
    h('a', { href: '#/health' }, 'See Health & security'), '.');
  if (existing) existing.replaceWith(banner); else banners.append(banner);
}

function startShell() {
  sessionBox.hidden = false;
  setText(sessionName, `${session.name || 'no name'}${session.admin ? ' (admin)' : ''}`);
  stopShell();
  shellPoller = poll(refreshShell, 2000);
}

function stopShell() {
  if (shellPoller) shellPoller.stop();
  shellPoller = null;
}

function signOut(message = '') {
  stopPage();
  session.clear();
  signInMessage = message;
  showSignIn();
}

document.querySelector('[data-sign-out]').addEventListener('click', () => signOut(''));
window.addEventListener(UNAUTHORIZED_EVENT, event => {
  if (session.signedIn) signOut(`The access key was not accepted; sign in again. (${event.detail || 'unauthorized'})`);
});
window.addEventListener('hashchange', () => route());

// Pages ask for a shell refresh (badge, banner) right after an action.
window.addEventListener('pipelines:refresh-shell', () => shellPoller?.now());

async function start() {
  if (session.signedIn) {
    if (!(await refreshSession())) return;
    startShell();
  }
  route();
}

start();
