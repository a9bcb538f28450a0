// Approvals: one article per pending gate, approve/reject with a comment; refusals shown from the problem detail.
import { getJsonShown, postJson, enc, session } from '../api.js';
import { h, dl, field, messageArea } from '../dom.js';
import { shortSha, timeEl } from '../format.js';
import { poll } from '../poll.js';

export function render(main) {
  const messages = messageArea('page-messages');
  const list = h('div', { class: 'approval-list', 'aria-live': 'polite' });
  const empty = h('p', { class: 'empty-state', hidden: true }, 'No approvals waiting');
  main.append(h('h1', {}, 'Approvals'),
    h('p', { class: 'muted' }, session.name
      ? `Gates waiting for a decision. You decide as ${session.name}.`
      : 'Gates waiting for a decision. You are signed in without a name, so you cannot decide: sign in with your personal key.'),
    messages.el, empty, list);
  const articles = new Map();

  async function load() {
    const data = await getJsonShown('/api/approvals', messages);
    if (!data) return;
    const gates = data?.approvals || [];
    empty.hidden = gates.length > 0;
    const seen = new Set();
    gates.forEach((gate, index) => {
      const key = `${gate.runId}/${gate.environment}`;
      seen.add(key);
      let entry = articles.get(key);
      if (!entry) { entry = createArticle(gate, messages); articles.set(key, entry); }
      entry.update(gate);
      if (list.children[index] !== entry.el) list.insertBefore(entry.el, list.children[index] || null);
    });
    for (const [key, entry] of articles) {
      if (!seen.has(key)) {
        if (entry.el.contains(document.activeElement)) main.focus();
        entry.el.remove();
        articles.delete(key);
      }
    }
  }

  const poller = poll(load, 2000);
  return () => poller.stop();
}

function createArticle(gate, pageMessages) {
  const key = `${gate.runId}/${gate.environment}`;
  const heading = h('h2', {});
  const facts = h('div');
  const comment = field('Comment', h('textarea', { name: 'comment', rows: '2', maxlength: '500' }));
  const result = messageArea();
  const nameless = !session.name;
  const approve = h('button', { type: 'submit', value: 'approve', class: 'approve', disabled: nameless }, 'Approve');
  const reject = h('button', { type: 'submit', value: 'reject', class: 'danger', disabled: nameless }, 'Reject');
  const form = h('form', { class: 'decide', 'aria-label': `Decide ${gate.environment} for ${shortSha(gate.commitSha)}` },
    comment.wrapper, h('div', { class: 'actions' }, approve, reject), result.el);
  const el = h('article', { class: 'card approval', dataset: { approval: key } }, heading, facts, form);
  let sig = '';

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const decision = event.submitter?.value === 'reject' ? 'reject' : 'approve';
    approve.disabled = true; reject.disabled = true;
    result.clear(); pageMessages.clear();
    try {
      await postJson(`/api/approvals/${enc(gate.runId)}/${enc(gate.environment)}`, { decision, comment: comment.control.value.trim() || null }, { quiet401: true });
      const text = decision === 'approve' ? 'Approval recorded' : 'Rejection recorded';
      pageMessages.status(text);
      comment.control.value = '';
      window.dispatchEvent(new Event('pipelines:refresh-shell'));
    } catch (e) {
      result.alert(e.detail || e.message);
    } finally {
      approve.disabled = nameless; reject.disabled = nameless;
    }
  });

  return {
    el,
    update(g) {
      const s = JSON.stringify(g);
      if (s === sig) return;
      sig = s;
      heading.replaceChildren(`${g.repository} `, h('code', { title: g.commitSha }, shortSha(g.commitSha)), ` → ${g.environment}`);
      facts.replaceChildren(dl([
        ['Status', g.status],
        ['Approved by', g.approvedBy?.length ? g.approvedBy.join(', ') : 'nobody yet'],
        ['Approvals needed', String(g.required)],
        ['Who may approve', g.mayApprove],
        ['Expires', timeEl(g.expiresAt, { withRelative: true })],
        ['Run', h('a', { href: `#/runs/${enc(g.runId)}` }, g.runId)],
      ]));
    },
  };
}
