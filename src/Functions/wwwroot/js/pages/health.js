// Health & security: service health with recent history, latest security report per repository, freezes.
import { getJsonShown, postJson, request, enc, session } from '../api.js';
import { h, field, table, tableWrap, messageArea, syncKeyed, setText } from '../dom.js';
import { timeEl, badge, localTime } from '../format.js';
import { poll } from '../poll.js';

// The API reports these four severities (no info count).
const SEVERITIES = ['critical', 'high', 'medium', 'low'];

export function render(main) {
  // Health
  const healthMessages = messageArea();
  const checkNow = h('button', { type: 'button' }, 'Check now');
  const lastCheck = h('p', { class: 'muted', 'aria-live': 'polite' });
  const health = table('Service health', ['Environment', 'Service', 'Status', 'Failing since', 'Rolled back', 'Last checked', 'Recent history']);
  const healthSection = h('section', { class: 'card', 'aria-labelledby': 'health-h' },
    h('div', { class: 'section-head' }, h('h2', { id: 'health-h' }, 'Service health'), checkNow),
    lastCheck, healthMessages.el, tableWrap('Service health', health.table));

  // Security
  const securityMessages = messageArea();
  const scanNow = h('button', { type: 'button' }, 'Scan now');
  const security = table('Security reports', ['Repository', 'Critical', 'High', 'Medium', 'Low', 'Total', 'Scanned at', 'Frozen', 'Report']);
  const freezes = h('div', { class: 'freezes' });
  const securitySection = h('section', { class: 'card', 'aria-labelledby': 'security-h' },
    h('div', { class: 'section-head' }, h('h2', { id: 'security-h' }, 'Security'), scanNow),
    h('p', { class: 'muted' }, 'The latest nightly (or on-demand) scan of each repository. Exposed secrets freeze its deployments.'),
    securityMessages.el, tableWrap('Security reports', security.table), freezes);

  main.append(h('h1', {}, 'Health & security'), healthSection, securitySection);

  startOnClick(checkNow, '/api/health/check', healthMessages, {
    started: 'Health check started; results appear here in a few seconds.',
    joined: 'A health check is already running; its results appear here in a few seconds.',
  }, () => setTimeout(() => poller.now(), 1500));
  startOnClick(scanNow, '/api/security/scan', securityMessages, {
    started: 'Security scan started; the report appears here when it finishes.',
    joined: 'A security scan is already running; the report appears here when it finishes.',
  });

  async function loadHealth() {
    const data = await getJsonShown('/api/health', healthMessages);
    if (!data) return;
    setText(lastCheck, data?.lastCheck ? `Last check: ${localTime(data.lastCheck)}` : 'No health check has run yet.');
    const rows = [];
    for (const env of data?.environments || []) for (const s of env.services || []) rows.push({ environment: env.environment, ...s });
    syncKeyed(health.tbody, rows, r => `${r.environment}/${r.service}`, healthRow, 'data-health');
    if (!rows.length) health.tbody.append(h('tr', { class: 'empty' }, h('td', { colspan: '7' }, 'No services have been checked yet.')));
  }

  async function loadSecurity() {
    const data = await getJsonShown('/api/security', securityMessages);
    if (!data) return;
    const repos = data?.repositories || [];
    syncKeyed(security.tbody, repos, r => r.repository, r => securityRow(r, securityMessages), 'data-repository');
    if (!repos.length) security.tbody.append(h('tr', { class: 'empty' }, h('td', { colspan: '9' }, 'No repositories have been scanned yet.')));
    const frozen = repos.filter(r => r.freeze?.active);
    syncKeyed(freezes, frozen.map(r => ({ repository: r.repository, freeze: r.freeze, admin: session.admin })), r => r.repository,
      r => freezeCard(r, securityMessages, () => poller.now()), 'data-freeze');
  }

  const poller = poll(() => Promise.all([loadHealth(), loadSecurity()]), 2000);
  return () => poller.stop();
}

/** "unknown": the live version has not been checked since it went live (or never). */
function statusView(r) {
  const status = String(r.status || 'unknown').toLowerCase();
  if (status !== 'unknown') return badge(status, status);
  return h('span', {}, badge('unknown', 'unknown'), ' ',
    h('span', { class: 'muted' }, r.lastChecked ? 'not checked since this version went live' : 'not checked yet'));
}

function healthRow(r) {
  const history = (r.history || []).slice(0, 20);
  const ok = history.filter(x => x.healthy).length;
  return h('tr', {},
    h('td', {}, r.environment),
    h('td', {}, r.service),
    h('td', {}, statusView(r)),
    h('td', {}, r.failingSince ? timeEl(r.failingSince) : '—'),
    h('td', {}, r.rolledBack ? 'Yes' : 'No'),
    h('td', {}, timeEl(r.lastChecked)),
    h('td', {}, history.length
      ? h('ul', { class: 'dots', 'aria-label': `Last ${history.length} checks, newest first: ${ok} healthy, ${history.length - ok} failing` },
        history.map(x => h('li', { class: ['dot', x.healthy ? 'dot-ok' : 'dot-bad'],
          title: `${localTime(x.checkedAt)}: ${x.healthy ? 'healthy' : 'failing'}${x.statusCode ? ` (${x.statusCode})` : ''}${x.detail ? ` — ${x.detail}` : ''}` },
        h('span', { class: 'visually-hidden' }, `${localTime(x.checkedAt)}: ${x.healthy ? 'healthy' : 'failing'}`))))
      : h('span', { class: 'muted' }, 'no history')));
}

function securityRow(r, messages) {
  const f = r.findings || {};
  const frozen = Boolean(r.freeze?.active);
  const download = h('button', { type: 'button', class: 'link-button', 'aria-label': `Download SARIF report of ${r.repository}` }, 'SARIF');
  download.addEventListener('click', async () => {
    try {
      const response = await request(`/api/security/reports/${r.repository.split('/').map(enc).join('/')}/latest`);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `${r.repository.replace('/', '-')}.sarif` });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 5000);
    } catch (e) { messages.alert(e.detail || e.message); }
  });
  return h('tr', { class: frozen ? 'frozen' : null },
    h('td', {}, r.repository, r.errors?.length ? h('ul', { class: 'errors' }, r.errors.map(e => h('li', {}, e))) : null),
    r.scannedAt
      ? [SEVERITIES.map(s => h('td', { class: ['num', (f[s] || 0) > 0 && (s === 'critical' || s === 'high') ? 'sev-bad' : null] }, String(f[s] ?? 0))),
        h('td', { class: 'num' }, String(r.total ?? 0))]
      : h('td', { colspan: String(SEVERITIES.length + 1), class: 'muted not-scanned' }, 'not scanned yet'),
    h('td', {}, r.scannedAt ? timeEl(r.scannedAt) : h('span', { class: 'muted' }, 'never')),
    h('td', {}, frozen ? badge('failed', 'Yes') : (r.freeze?.liftedBy ? `No (lifted by ${r.freeze.liftedBy})` : 'No')),
    h('td', {}, r.scannedAt ? download : '—'));
}

function freezeCard(r, messages, refresh) {
  const parts = [h('h3', {}, `${r.repository} is frozen`),
    h('p', {}, `${r.freeze.secrets} exposed secret${r.freeze.secrets === 1 ? '' : 's'} found in the scan of `, timeEl(r.freeze.scannedAt), '. Deployments wait until the secret is removed or an admin lifts the freeze.')];
  if (r.admin) {
    const reason = field('Reason', h('textarea', { name: 'reason', rows: '2', required: true, maxlength: '500' }));
    const lift = h('button', { type: 'submit', class: 'danger' }, 'Lift freeze');
    const local = messageArea();
    const form = h('form', { class: 'lift', 'aria-label': `Lift the freeze of ${r.repository}` }, reason.wrapper, h('div', { class: 'actions' }, lift), local.el);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const text = reason.control.value.trim();
      if (!text) { local.alert('Give a reason for lifting the freeze.'); reason.control.focus(); return; }
      lift.disabled = true;
      try {
        const [owner, repo] = r.repository.split('/');
        await postJson(`/api/security/freeze/${enc(owner)}/${enc(repo)}/override`, { reason: text, by: session.name }, { quiet401: true });
        messages.status(`Freeze of ${r.repository} lifted.`);
        window.dispatchEvent(new Event('pipelines:refresh-shell'));
        refresh();
      } catch (e) { local.alert(e.detail || e.message); lift.disabled = false; }
    });
    parts.push(form);
  }
  return h('div', { class: 'freeze-card' }, parts);
}

/** A button that starts a single-instance check (health, scan) and says whether it started one or joined a running one. */
function startOnClick(button, path, messages, text, after = () => {}) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const started = await postJson(path, undefined);
      messages.status(started?.alreadyRunning ? text.joined : text.started);
      after();
    } catch (e) { messages.alert(e.detail || e.message); } finally { button.disabled = false; }
  });
}
