// The chat web client: plain JS, no build. Protocol: docs/websocket.md. History comes straight from the reader
// (cross-origin; the reader allows this gateway's origin in chat.reader.cors-allowed-origins).
'use strict';

const PAGE_SIZE = 50;
// A gateway whose machine is gone may not refuse, only never answer: give up on it in time to try the next one
const CONNECT_TIMEOUT_MS = 4000;
const $ = (id) => document.getElementById(id);

const state = {
  token: null, me: null, readerUrl: null,
  friends: new Map(),      // friend id -> {id, name, unread, online, activity, preview}
  dialogs: new Map(),      // friend id -> {dialogId, messages: Map(id -> msg), pending: Map(client_id -> msg), older, newer, loaded,
                           //              friendRead: id the friend read up to, sentRead: id this tab last marked read}
  friendByDialog: new Map(),
  open: null,              // friend id of the open dialog
  typingSentAt: 0, typingTimer: null,
  ws: null, retries: 0, reconnectTimer: null, stopped: true,
  origins: [], originIndex: 0, // this page's gateway first, then chat.web.gateways: where the socket may go
};

// ---------- HTTP ----------
async function api(method, path, body, base = '') {
  const headers = {Accept: 'application/json, application/problem+json'};
  if (state.token) headers.Authorization = 'Bearer ' + state.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(base + path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(json && json.detail ? json.detail : response.status + ' ' + response.statusText);
    error.status = response.status;
    throw error;
  }
  return json;
}

// ---------- log in / out ----------
async function logIn(id, password) {
  const {token} = await api('POST', '/login', {id, password});
  state.token = token;
  sessionStorage.setItem('chat.token', token);
  await start();
}

async function start() {
  state.me = await api('GET', '/api/v1/me');
  const config = await api('GET', '/api/v1/client-config');
  state.readerUrl = config.reader_url || (location.protocol + '//' + location.hostname + ':8081');
  state.origins = [...new Set([location.origin, ...(config.gateways || [])])];
  state.originIndex = 0;
  $('me').textContent = state.me.first_name + ' ' + state.me.second_name + ' · ' + state.me.id;
  $('login-view').hidden = true;
  $('chat-view').hidden = false;
  await loadFriends();
  await loadDialogList();
  state.stopped = false;
  connect();
}

function logOut(message) {
  state.stopped = true;
  clearTimeout(state.reconnectTimer);
  if (state.ws) state.ws.close(1000, 'logout');
  sessionStorage.removeItem('chat.token');
  state.token = null;
  state.friends.clear(); state.dialogs.clear(); state.friendByDialog.clear(); state.open = null;
  $('chat-view').hidden = true;
  $('login-view').hidden = false;
  $('dialog').hidden = true;
  $('login-error').textContent = message || '';
}

// ---------- friends ----------
async function loadFriends() {
  for (const f of await api('GET', '/api/v1/friends')) {
    state.friends.set(f.id, {id: f.id, name: f.first_name + ' ' + f.second_name, unread: 0, online: !!f.online, activity: 0, preview: ''});
  }
  renderFriends();
}

/** The reader's dialog list (issue #14): unread counts, last messages and the friends' read markers, newest first. */
async function loadDialogList() {
  const page = await api('GET', '/api/v1/dialogs?limit=100', undefined, state.readerUrl);
  for (const d of page.dialogs) {
    await ensureFriendListed(d.friend_id);
    const friend = state.friends.get(d.friend_id);
    const dialog = dialogOf(d.friend_id);
    dialog.dialogId = d.dialog_id;
    dialog.friendRead = d.friend_read_up_to;
    state.friendByDialog.set(d.dialog_id, d.friend_id);
    friend.unread = d.unread;
    friend.activity = d.last_message ? d.last_message.ts : 0;
    friend.preview = d.last_message ? d.last_message.message : '';
  }
  renderFriends();
}

async function ensureFriendListed(id) {
  if (state.friends.has(id)) return;
  state.friends.set(id, {id, name: id, unread: 0, online: false, activity: 0, preview: ''});
  try {
    const user = await api('GET', '/user/get/' + id);
    state.friends.get(id).name = user.first_name + ' ' + user.second_name;
  } catch (e) { /* keep the id as the name */ }
  renderFriends();
}

function renderFriends() {
  const list = $('friends');
  const byActivity = [...state.friends.values()].sort((a, b) => b.activity - a.activity);
  list.replaceChildren(...byActivity.map((f) => {
    const li = document.createElement('li');
    li.className = 'friend' + (f.id === state.open ? ' open' : '');
    li.dataset.id = f.id;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = f.name;
    const dot = document.createElement('span'); // text, not only colour
    dot.className = 'presence' + (f.online ? ' online' : '');
    dot.textContent = f.online ? ' ● online' : '';
    name.append(dot);
    const preview = document.createElement('span');
    preview.className = 'preview';
    preview.textContent = f.preview;
    li.append(name, preview);
    if (f.unread > 0) {
      const badge = document.createElement('span');
      badge.className = 'unread';
      badge.textContent = f.unread;
      badge.title = f.unread + ' unread';
      li.append(badge);
    }
    li.addEventListener('click', () => openDialog(f.id).catch(showError));
    return li;
  }));
}

// ---------- dialogs and history ----------
function dialogOf(friendId) {
  if (!state.dialogs.has(friendId)) {
    state.dialogs.set(friendId, {dialogId: null, messages: new Map(), pending: new Map(), older: null, newer: null, loaded: false});
  }
  return state.dialogs.get(friendId);
}

async function openDialog(friendId) {
  const friend = state.friends.get(friendId);
  const dialog = dialogOf(friendId);
  if (!dialog.dialogId) {
    const created = await api('POST', '/api/v1/dialogs', {friend_id: friendId});
    dialog.dialogId = created.id;
    state.friendByDialog.set(created.id, friendId);
  }
  state.open = friendId;
  friend.unread = 0;
  $('dialog').hidden = false;
  $('dialog').dataset.friend = friendId;
  $('dialog-title').textContent = friend.name;
  renderFriends();
  if (!dialog.loaded) {
    await loadPage(friendId, '');
    dialog.loaded = true;
  } else {
    await catchUp(friendId);
  }
  renderMessages(true);
  markRead(friendId);
  $('composer').focus();
}

/** Read up to the newest message of the open dialog: a read frame (HTTP when the socket is down), once per message. */
function markRead(friendId) {
  const dialog = dialogOf(friendId);
  const newest = [...dialog.messages.values()].reduce((a, m) => (!a || m.id > a.id ? m : a), null);
  if (!newest || newest.id === dialog.sentRead) return;
  dialog.sentRead = newest.id;
  if (state.ws && state.ws.readyState === WebSocket.OPEN) {
    state.ws.send(JSON.stringify({type: 'read', to: friendId, message_id: newest.id}));
  } else {
    api('POST', '/api/v1/dialogs/' + friendId + '/read', {message_id: newest.id}).catch(showError);
  }
}

async function history(friendId, query) {
  return api('GET', '/api/v1/dialogs/' + friendId + '/messages?limit=' + PAGE_SIZE + query, undefined, state.readerUrl);
}

/** One page from the reader ('' = newest, '&before=…' = older); returns how many messages came. */
async function loadPage(friendId, query) {
  const dialog = dialogOf(friendId);
  const page = await history(friendId, query);
  for (const m of page.messages) addMessage(friendId, {id: m.id, author_id: m.author_id, text: m.message, ts: m.ts});
  if (query === '' || query.startsWith('&before')) dialog.older = page.older;
  if (query === '' || page.newer) dialog.newer = page.newer || dialog.newer;
  $('older').hidden = !(state.open === friendId && dialog.older);
  return page.messages.length;
}

/** After a reconnect: everything newer than the newest cursor we have (docs/websocket.md, "Catching up"). */
async function catchUp(friendId) {
  const dialog = dialogOf(friendId);
  if (!dialog.newer) return loadPage(friendId, '');
  for (let pages = 0; pages < 20; pages++) {
    const before = dialog.newer;
    const count = await loadPage(friendId, '&after=' + encodeURIComponent(before));
    if (count < PAGE_SIZE || dialog.newer === before) break;
  }
}

function addMessage(friendId, message) {
  const dialog = dialogOf(friendId);
  dialog.messages.set(message.id, message);
  if (message.client_id) dialog.pending.delete(message.client_id);
}

function renderMessages(scrollToEnd) {
  const dialog = state.open && dialogOf(state.open);
  if (!dialog) return;
  const list = $('messages');
  const nearEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const all = [...dialog.messages.values()].sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : 1));
  const items = all.concat([...dialog.pending.values()]).map((m) => {
    const li = document.createElement('li');
    const mine = m.author_id === state.me.id;
    li.className = 'message' + (mine ? ' mine' : '') + (m.state ? ' ' + m.state : '');
    if (m.id) li.dataset.id = m.id;
    li.textContent = m.text;
    const meta = document.createElement(m.error ? 'span' : 'time');
    meta.className = m.error ? 'note' : '';
    meta.textContent = m.error ? 'not sent: ' + m.error : m.state === 'pending' ? 'sending…' : new Date(m.ts).toLocaleString();
    li.append(meta);
    if (mine && m.id && !m.state && dialog.friendRead && m.id <= dialog.friendRead) { // UUIDv7: id order is time order
      const tick = document.createElement('span');
      tick.className = 'read';
      tick.textContent = '✓✓ read';
      li.append(tick);
    }
    return li;
  });
  list.replaceChildren(...items);
  if (scrollToEnd || nearEnd) list.scrollTop = list.scrollHeight;
}

// ---------- sending ----------
function newClientId() {
  return self.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2);
}

async function send(text) {
  const friendId = state.open;
  const dialog = dialogOf(friendId);
  const clientId = newClientId();
  dialog.pending.set(clientId, {client_id: clientId, author_id: state.me.id, text, ts: Date.now(), state: 'pending'});
  renderMessages(true);
  if (state.ws && state.ws.readyState === WebSocket.OPEN) {
    state.ws.send(JSON.stringify({type: 'send', to: friendId, text, client_id: clientId}));
    return;
  }
  try { // offline: the same send over HTTP; the same client_id makes a retry harmless
    const accepted = await api('POST', '/api/v1/dialogs/' + friendId + '/messages', {text, client_id: clientId});
    onAccepted({client_id: clientId, ...accepted});
  } catch (e) {
    onError({client_id: clientId, code: 'http', message: e.message});
  }
}

function pendingByClientId(clientId) {
  for (const [friendId, dialog] of state.dialogs) {
    if (dialog.pending.has(clientId)) return {friendId, message: dialog.pending.get(clientId)};
  }
  return null;
}

function onAccepted(frame) {
  const found = pendingByClientId(frame.client_id);
  if (!found) return;
  state.friendByDialog.set(frame.dialog_id, found.friendId);
  found.message.id = frame.id;
  found.message.ts = frame.ts;
  found.message.state = 'pending'; // accepted by Kafka; shown as sent once the writer has stored it
  if (found.friendId === state.open) renderMessages(false);
}

function onError(frame) {
  const found = frame.client_id && pendingByClientId(frame.client_id);
  if (found) {
    found.message.state = 'failed';
    found.message.error = frame.message;
    if (found.friendId === state.open) renderMessages(false);
  } else {
    showError(new Error(frame.code + ': ' + frame.message));
  }
}

async function onMessage(frame) {
  const friendId = frame.author_id === state.me.id ? state.friendByDialog.get(frame.dialog_id) : frame.author_id;
  if (!friendId) return; // my own message from another tab, in a dialog this tab has not opened: history has it
  await ensureFriendListed(friendId);
  state.friendByDialog.set(frame.dialog_id, friendId);
  const dialog = dialogOf(friendId);
  if (!dialog.dialogId) dialog.dialogId = frame.dialog_id;
  addMessage(friendId, {id: frame.id, author_id: frame.author_id, text: frame.text, ts: frame.ts, client_id: frame.client_id});
  const friend = state.friends.get(friendId);
  friend.activity = Math.max(friend.activity, frame.ts);
  friend.preview = frame.text;
  if (friendId === state.open) {
    renderMessages(false);
    if (frame.author_id === friendId) markRead(friendId);
  } else if (frame.author_id === friendId) {
    friend.unread++;
  }
  renderFriends();
}

/** A read receipt: mine (another tab read it: clear the badge) or the friend's (ticks on my messages). */
function onRead(frame) {
  const friendId = state.friendByDialog.get(frame.dialog_id);
  if (!friendId) return;
  if (frame.user_id === state.me.id) {
    state.friends.get(friendId).unread = 0;
    renderFriends();
    return;
  }
  const dialog = dialogOf(friendId);
  if (!dialog.friendRead || frame.message_id > dialog.friendRead) dialog.friendRead = frame.message_id;
  if (friendId === state.open) renderMessages(false);
}

function onTyping(frame) {
  if (frame.from !== state.open) return;
  const friend = state.friends.get(frame.from);
  $('typing').textContent = (friend ? friend.name : 'Your friend') + ' is typing…';
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(() => { $('typing').textContent = ''; }, 4000);
}

function onPresence(frame) {
  const friend = state.friends.get(frame.user_id);
  if (!friend) return;
  friend.online = frame.online;
  renderFriends();
}

/** At most one typing frame per 2 s (the server drops more anyway). */
function typing() {
  const now = Date.now();
  if (!state.open || now - state.typingSentAt < 2000 || !state.ws || state.ws.readyState !== WebSocket.OPEN) return;
  state.typingSentAt = now;
  state.ws.send(JSON.stringify({type: 'typing', to: state.open}));
}

// ---------- the WebSocket ----------
function connect() {
  if (state.stopped) return;
  const origin = state.origins[state.originIndex];
  const ws = new WebSocket(origin.replace(/^http/, 'ws') + '/ws?access_token=' + encodeURIComponent(state.token));
  state.ws = ws;
  const giveUp = setTimeout(() => ws.readyState === WebSocket.CONNECTING && ws.close(), CONNECT_TIMEOUT_MS);
  ws.onopen = () => {
    clearTimeout(giveUp);
    state.retries = 0;
    setStatus('online', origin);
    for (const [friendId, dialog] of state.dialogs) {
      if (dialog.loaded) catchUp(friendId).then(() => friendId === state.open && renderMessages(false)).catch(showError);
    }
  };
  ws.onmessage = (event) => {
    const frame = JSON.parse(event.data);
    if (frame.type === 'accepted') onAccepted(frame);
    else if (frame.type === 'message') onMessage(frame).catch(showError);
    else if (frame.type === 'error') onError(frame);
    else if (frame.type === 'read') onRead(frame);
    else if (frame.type === 'typing') onTyping(frame);
    else if (frame.type === 'presence') onPresence(frame);
  };
  ws.onclose = (event) => {
    clearTimeout(giveUp);
    if (state.ws !== ws) return;
    setStatus('offline (' + event.code + ')');
    if (state.stopped) return;
    if (event.code === 4001) return logOut('Your session expired; please log in again.');
    if (event.code === 4003) return showError(new Error('Too many open tabs; close one and reload.'));
    // the next gateway, not the same one again: a gateway that died takes its port with it (docs/websocket.md, "Failover to another gateway")
    state.originIndex = (state.originIndex + 1) % state.origins.length;
    scheduleReconnect([1001, 1009, 4002].includes(event.code) && state.retries === 0);
  };
}

/**
 * Within a second (with jitter) after a shutdown, an idle close or the first loss, so a client is back well inside
 * the 10 s of a gateway failover; else exponential back-off up to 30 s, doubling once per round through the gateways
 * so that each of them is tried quickly before the waits grow.
 */
function scheduleReconnect(soon) {
  const rounds = Math.floor(state.retries / state.origins.length);
  const base = soon ? 1000 : Math.min(30000, 1000 * 2 ** rounds);
  state.retries++;
  state.reconnectTimer = setTimeout(connect, base / 2 + Math.random() * base / 2);
}

/** The gateway is shown only when there is more than one to choose from: host and port, no scheme. */
function setStatus(text, origin) {
  $('status').textContent = text;
  $('status').className = text === 'online' ? 'online' : 'offline';
  $('gateway').textContent = origin && state.origins.length > 1 ? 'via ' + new URL(origin).host : '';
  $('gateway').dataset.origin = origin || '';
}

function showError(error) {
  $('chat-error').textContent = error.message;
}

// ---------- wiring ----------
$('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  logIn($('login-id').value.trim(), $('login-password').value).catch((err) => { $('login-error').textContent = err.message; });
});
$('register-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    const password = $('register-password').value;
    const {user_id} = await api('POST', '/user/register',
      {first_name: $('register-first').value, second_name: $('register-second').value, password});
    $('login-id').value = user_id;
    await logIn(user_id, password);
  } catch (err) {
    $('login-error').textContent = err.message;
  }
});
$('logout').addEventListener('click', () => logOut());
$('add-friend-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const id = $('add-friend-id').value.trim();
  try {
    await api('PUT', '/friend/set/' + id);
    $('add-friend-id').value = '';
    await loadFriends();
  } catch (err) {
    showError(err);
  }
});
$('older').addEventListener('click', async () => {
  const list = $('messages');
  const fromBottom = list.scrollHeight - list.scrollTop;
  await loadPage(state.open, '&before=' + encodeURIComponent(dialogOf(state.open).older)).catch(showError);
  renderMessages(false);
  list.scrollTop = list.scrollHeight - fromBottom;
});
$('composer-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('composer').value;
  if (!text.trim() || !state.open) return;
  $('composer').value = '';
  send(text).catch(showError);
});
$('composer').addEventListener('input', typing);
$('composer').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    $('composer-form').requestSubmit();
  }
});

if (sessionStorage.getItem('chat.token')) {
  state.token = sessionStorage.getItem('chat.token');
  start().catch(() => logOut('Please log in again.'));
}
