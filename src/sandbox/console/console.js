/* global window, document, fetch, setTimeout, setInterval, URLSearchParams, BlockKit */
'use strict';

/**
 * The sandbox console: pick who you are, type /kfrelease commands, read the channel, your
 * direct messages and App Home, fill in modals. Every action goes to the server, which sends it
 * to kfrelease as Slack would; the page polls the server for what changed.
 */
(function () {
  const $ = (id) => document.getElementById(id);
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const ui = {
    user: hash.get('user') || '',
    tab: hash.get('tab') || 'channel',
    snapshot: null,
    keys: {},
    values: {},
    seenDms: {},
    loading: false,
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showProblem(text) {
    $('problem').textContent = text || '';
    $('problem').hidden = !text;
  }

  async function api(path, body) {
    const init = body
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : { cache: 'no-store' };
    const response = await fetch(`/sandbox/api/${path}`, init);
    const data = await response.json().catch(() => ({ ok: false, problem: `HTTP ${response.status}` }));
    if (!response.ok || data.ok === false)
      showProblem(data.problem || `The sandbox answered HTTP ${response.status}.`);
    else if (body) showProblem('');
    return data;
  }

  async function refresh() {
    if (ui.loading) return;
    ui.loading = true;
    try {
      const snapshot = await api(`state?user=${encodeURIComponent(ui.user)}`);
      if (snapshot && snapshot.me) {
        ui.snapshot = snapshot;
        ui.user = snapshot.me.id;
        render();
      }
    } finally {
      ui.loading = false;
    }
  }

  /** The app answers some things after its HTTP answer (modals, posts): look again shortly. */
  function soon() {
    void refresh();
    setTimeout(refresh, 250);
    setTimeout(refresh, 900);
  }

  function remember() {
    window.history.replaceState(null, '', `#user=${ui.user}&tab=${ui.tab}`);
  }

  function act(where, action) {
    void api('action', Object.assign({ user: ui.user, action }, where)).then(soon);
  }

  function renderPeople(snapshot) {
    const key = JSON.stringify([snapshot.people, snapshot.me.id]);
    if (ui.keys.people === key) return;
    ui.keys.people = key;
    const select = $('person');
    select.replaceChildren(
      ...snapshot.people.map((p) => {
        const option = el('option', '', p.name);
        option.title = p.title;
        option.value = p.id;
        option.selected = p.id === snapshot.me.id;
        return option;
      }),
    );
  }

  function renderMessages(snapshot, list) {
    const key = JSON.stringify([ui.tab, snapshot.me.id, list]);
    if (ui.keys.messages === key) return;
    ui.keys.messages = key;
    const box = $('messages');
    box.replaceChildren();
    if (list.length === 0) box.append(el('p', 'empty', 'Nothing here yet.'));
    for (const m of list) {
      const item = el('article', `message${m.ephemeral ? ' ephemeral' : ''}${m.threadTs ? ' reply' : ''}`);
      const name = snapshot.names[m.user] || m.user;
      item.append(el('div', `avatar${name === 'kfrelease' ? ' bot' : ''}`, name.slice(0, 1).toUpperCase()));
      const body = el('div', 'message-body');
      const head = el('div', 'message-head');
      head.append(el('strong', '', name));
      if (name === 'kfrelease') head.append(el('span', 'app-tag', 'APP'));
      if (m.ephemeral) head.append(el('span', 'note', 'Only visible to you'));
      if (m.threadTs) head.append(el('span', 'note', 'replied in a thread'));
      if (m.edited) head.append(el('span', 'note', '(edited)'));
      body.append(head);
      if (m.blocks.length > 0) {
        const where = { channel: m.channel, ts: m.ts };
        body.append(
          BlockKit.render(m.blocks, {
            names: snapshot.names,
            people: snapshot.people,
            remember: () => undefined,
            onAction: (action) => act(where, action),
          }),
        );
      } else {
        const text = el('div', 'bk-text');
        text.innerHTML = BlockKit.mrkdwnHtml(m.text, snapshot.names);
        body.append(text);
      }
      item.append(body);
      box.append(item);
    }
    box.scrollTop = box.scrollHeight;
  }

  function renderHome(snapshot) {
    const key = JSON.stringify([snapshot.me.id, snapshot.home]);
    if (ui.keys.home === key) return;
    ui.keys.home = key;
    const box = $('home');
    box.replaceChildren();
    if (!snapshot.home) {
      box.append(el('p', 'empty', 'kfrelease has not published a Home tab for you.'));
      return;
    }
    const viewId = snapshot.home.id;
    box.append(
      BlockKit.render(snapshot.home.blocks, {
        names: snapshot.names,
        people: snapshot.people,
        remember: () => undefined,
        onAction: (action) => act({ viewId, values: BlockKit.collect(box) }, action),
      }),
    );
  }

  function renderModal(snapshot) {
    const top = snapshot.modals[snapshot.modals.length - 1];
    const key = top ? JSON.stringify([snapshot.me.id, top.id, top.hash, top.errors]) : '';
    if (ui.keys.modal === key) return;
    ui.keys.modal = key;
    const root = $('modals');
    // An update of the same modal (views.update) keeps the field being worked on focused.
    const focused =
      document.activeElement && root.contains(document.activeElement) ? document.activeElement : null;
    const refocus = focused && ui.keys.modalId === (top && top.id) ? focused.id : '';
    ui.keys.modalId = top ? top.id : '';
    root.replaceChildren();
    if (!top) return;
    const values = ui.values[top.id] || (ui.values[top.id] = {});
    const backdrop = el('div', 'backdrop');
    const form = el('form', 'modal');
    form.setAttribute('role', 'dialog');
    form.setAttribute('aria-modal', 'true');
    form.setAttribute('aria-label', top.title);
    const header = el('header', 'modal-head');
    header.append(el('h2', '', top.title));
    const body = el('div', 'modal-body');
    body.append(
      BlockKit.render(top.blocks, {
        names: snapshot.names,
        people: snapshot.people,
        values,
        errors: top.errors,
        remember: (blockId, actionId, value) => {
          values[blockId] = Object.assign(values[blockId] || {}, { [actionId]: value });
        },
        onAction: (action) => act({ viewId: top.id, values: BlockKit.collect(form) }, action),
      }),
    );
    const footer = el('footer', 'modal-foot');
    const close = el('button', 'secondary', top.close);
    close.type = 'button';
    close.addEventListener('click', () => void api('close', { user: ui.user, viewId: top.id }).then(soon));
    footer.append(close);
    if (top.submit) {
      const submit = el('button', 'primary', top.submit);
      submit.type = 'submit';
      footer.append(submit);
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      if (button) button.disabled = true;
      void api('submit', { user: ui.user, viewId: top.id, values: BlockKit.collect(form) }).then(() => {
        // Not '': that is the key of no modal at all, and a form the app closed must go away.
        ui.keys.modal = null;
        soon();
      });
    });
    form.append(header, body, footer);
    backdrop.append(form);
    root.append(backdrop);
    const first =
      (refocus && document.getElementById(refocus)) || form.querySelector('input, textarea, select');
    if (first) first.focus();
  }

  /** On the channel: remove kfrelease from it (its posts then fail, as in Slack) or invite it back. */
  function renderMembership(snapshot) {
    const button = $('membership');
    button.hidden = ui.tab !== 'channel';
    const channel = `#${snapshot.channel.name}`;
    button.textContent = snapshot.channel.member
      ? `Remove kfrelease from ${channel}`
      : `Invite kfrelease to ${channel}`;
    button.dataset.member = String(snapshot.channel.member);
  }

  function render() {
    const s = ui.snapshot;
    renderPeople(s);
    $('role').textContent = `${s.me.name}: ${s.me.title}`;
    $('clock-label').textContent = `${s.clock.local} (${s.clock.zone})`;
    $('channel-name').textContent = s.channel.name;
    if (ui.tab === 'dm') ui.seenDms[s.me.id] = s.dm.messages.length;
    const unread = s.dm.messages.length - (ui.seenDms[s.me.id] || 0);
    $('dm-count').textContent = String(unread);
    $('dm-count').hidden = unread <= 0;
    for (const nav of document.querySelectorAll('.nav'))
      nav.classList.toggle('active', nav.dataset.tab === ui.tab);
    const titles = {
      channel: `# ${s.channel.name}`,
      dm: 'kfrelease (direct messages)',
      home: 'kfrelease: Home',
    };
    $('pane-title').textContent = titles[ui.tab] || '';
    renderMembership(s);
    const home = ui.tab === 'home';
    $('messages').hidden = home;
    $('composer').hidden = home;
    $('home').hidden = !home;
    if (home) renderHome(s);
    else renderMessages(s, ui.tab === 'dm' ? s.dm.messages : s.channel.messages);
    renderModal(s);
  }

  function openTab(tab) {
    ui.tab = tab;
    ui.keys.messages = '';
    remember();
    if (tab === 'home') void api('home', { user: ui.user }).then(soon);
    else if (ui.snapshot) render();
  }

  $('person').addEventListener('change', (event) => {
    ui.user = event.target.value;
    ui.keys = {};
    remember();
    if (ui.tab === 'home') void api('home', { user: ui.user }).then(soon);
    else soon();
  });
  for (const nav of document.querySelectorAll('.nav'))
    nav.addEventListener('click', () => openTab(nav.dataset.tab));
  /** Moves the clock; what fell due on the way is posted before the answer comes back. */
  async function moveClock(button) {
    const buttons = [...document.querySelectorAll('.clock button')];
    const body = { hours: Number(button.dataset.hours || 0), days: Number(button.dataset.days || 0) };
    for (const b of buttons) b.disabled = true;
    $('clock-note').textContent = 'moving…';
    try {
      const answer = await api('clock', body);
      const posts = answer.ok ? answer.posts : null;
      $('clock-note').textContent =
        posts === null || posts === undefined
          ? ''
          : `${button.textContent}: ${posts === 1 ? '1 post' : `${posts} posts`}`;
    } finally {
      for (const b of buttons) b.disabled = false;
      soon();
    }
  }
  $('membership').addEventListener('click', (event) => {
    const member = event.target.dataset.member === 'true';
    void api('membership', { member: !member }).then(soon);
  });
  for (const button of document.querySelectorAll('.clock button'))
    button.addEventListener('click', () => void moveClock(button));
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('command');
    const match = /^\s*\/kfrelease(?:\s+([\s\S]*))?$/.exec(input.value);
    if (!match) {
      showProblem('Only /kfrelease commands work here, e.g. /kfrelease status.');
      return;
    }
    input.value = '/kfrelease ';
    void api('command', {
      user: ui.user,
      text: (match[1] || '').trim(),
      where: ui.tab === 'dm' ? 'dm' : 'channel',
    }).then(soon);
  });

  void refresh().then(() => {
    if (ui.tab === 'home') openTab('home');
  });
  setInterval(refresh, 1500);
})();
