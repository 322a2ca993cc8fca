// Keyboard shortcuts of the agent's workbench (my queue and the case page); "?" lists them.
(function () {
  'use strict';
  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }
  function focus(selector) {
    var el = document.querySelector(selector);
    if (el) { el.scrollIntoView({block: 'center'}); el.focus(); return true; }
    return false;
  }
  function help(show) {
    var overlay = document.getElementById('help');
    if (!overlay) { return; }
    overlay.hidden = show === undefined ? !overlay.hidden : !show;
  }
  function firstEnabled(selector) {
    var all = document.querySelectorAll(selector);
    for (var i = 0; i < all.length; i++) { if (!all[i].disabled) { all[i].click(); return true; } }
    return false;
  }
  var caseId = document.body.getAttribute('data-case');
  var actions = {
    '?': function () { help(); },
    'n': function () { window.location.href = '/my-queue/next' + (caseId ? '?after=' + caseId : ''); },
    'q': function () { window.location.href = '/my-queue'; },
    'c': function () { return firstEnabled('button.call-button'); },
    's': function () { return firstEnabled('button.sms-button'); },
    'v': function () { return focus('#verify-name'); },
    'o': function () { return focus('#log-outcome'); },
    'p': function () { return focus('#promise-amount') || focus('#log-disposition'); },
    'm': function () { return focus('#note-body'); }
  };
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { help(false); return; }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var link = document.getElementById('help-link');
    if (link) { link.addEventListener('click', function (e) { e.preventDefault(); help(); }); }
    var overlay = document.getElementById('help');
    if (overlay) { overlay.addEventListener('click', function () { help(false); }); }
  });
})();
