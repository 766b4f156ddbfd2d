// Live updates for the dashboard. Every page is complete without this file; it only keeps
// an open page current. Elements with data-live-src are replaced by a fresh copy of themselves
// from that URL; a build log (data-log-src) grows by what was written since its data-offset.
(function () {
  'use strict';
  var PERIOD = 5000;
  // a running build's log is read more often: a build of a few seconds would otherwise show its
  // log only once it is over, and each read fetches only what is new
  var LOG_PERIOD = 1000;

  function replaceLive(element) {
    // never pull the part a keyboard user is in from under them; the next tick tries again
    if (element.contains(document.activeElement)) { return Promise.resolve(element); }
    var src = element.getAttribute('data-live-src');
    return fetch(src, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return element; }
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('[data-live-src]');
        if (!fresh) { return element; }
        element.replaceWith(fresh);
        return fresh;
      })
      .catch(function () { return element; });
  }

  function isActive() {
    var marker = document.querySelector('[data-active]');
    return !marker || marker.getAttribute('data-active') === 'true';
  }

  function lineItem(number, text) {
    var item = document.createElement('li');
    item.id = 'L' + number;
    var link = document.createElement('a');
    link.className = 'line-number';
    link.href = '#L' + number;
    link.textContent = String(number);
    var code = document.createElement('code');
    code.textContent = text;
    item.appendChild(link);
    item.appendChild(code);
    return item;
  }

  function appendLog(list, text) {
    if (!text) { return; }
    var last = list.lastElementChild;
    // the last line shown may have been cut mid-line: continue it
    if (last && list.getAttribute('data-partial') === 'true') {
      text = last.querySelector('code').textContent + text;
      list.removeChild(last);
    }
    var lines = text.split(/\r\n|\r|\n/);
    var partial = lines[lines.length - 1] !== '';
    if (!partial) { lines.pop(); }
    var number = list.children.length;
    lines.forEach(function (line) { number += 1; list.appendChild(lineItem(number, line)); });
    list.setAttribute('data-partial', partial ? 'true' : 'false');
    var empty = document.getElementById('log-empty');
    if (empty) { empty.hidden = true; }
  }

  function pollLog(list) {
    var src = list.getAttribute('data-log-src');
    var offset = list.getAttribute('data-offset') || '0';
    return fetch(src + '?offset=' + encodeURIComponent(offset), { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { return; }
        var next = response.headers.get('X-Next-Offset');
        return response.text().then(function (text) {
          appendLog(list, text);
          if (next) { list.setAttribute('data-offset', next); }
        });
      })
      .catch(function () {});
  }

  function refreshParts() {
    if (document.hidden) { return; }
    // a finished build changes no more
    if (document.querySelector('[data-log-src]') && !isActive()) { return; }
    Array.prototype.slice.call(document.querySelectorAll('[data-live-src]')).forEach(replaceLive);
  }

  function followLogs() {
    if (document.hidden) { return; }
    Array.prototype.slice.call(document.querySelectorAll('[data-log-src]')).forEach(function (list) {
      // one read at a time: two reads from the same offset would show the same lines twice
      if (list.hasAttribute('data-reading') || list.hasAttribute('data-ended')) { return; }
      // the log is complete before the state changes, so a read begun after the end gets the rest
      var last = !isActive();
      list.setAttribute('data-reading', 'true');
      pollLog(list).then(function () {
        list.removeAttribute('data-reading');
        if (last) { list.setAttribute('data-ended', 'true'); }
      });
    });
  }

  if (window.fetch) {
    window.setInterval(refreshParts, PERIOD);
    window.setInterval(followLogs, LOG_PERIOD);
  }
}());
