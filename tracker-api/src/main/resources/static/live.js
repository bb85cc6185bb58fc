// Keeps a page live: the server sends each committed change as an event holding the views it re-rendered (a row of the
// measures table, a measure's summary and timeline), and each element marked data-live-measure / data-live-view is
// replaced by its new rendering. The browser reconnects by itself and sends the last event id, so missed changes come
// first; a "reload" event means too much was missed. Without this script the pages still read, only not live.
(function () {
  'use strict';
  var url = document.body && document.body.getAttribute('data-live');
  if (!url || !window.EventSource) {
    return;
  }
  var status = document.getElementById('live-status');
  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }
  var source = new EventSource(url);
  source.addEventListener('open', function () {
    say('Live: changes appear as they are recorded.');
  });
  source.addEventListener('error', function () {
    say('Reconnecting…');
  });
  source.addEventListener('reload', function () {
    window.location.reload();
  });
  source.addEventListener('change', function (event) {
    var change = JSON.parse(event.data);
    var changed = [];
    change.measures.forEach(function (measure) {
      var selector = '[data-live-measure="' + CSS.escape(measure.id) + '"]';
      document.querySelectorAll(selector).forEach(function (element) {
        var html = measure.views[element.getAttribute('data-live-view')];
        if (!html) {
          return;
        }
        var template = document.createElement('template');
        template.innerHTML = html;
        var fresh = template.content.firstElementChild;
        if (!fresh) {
          return;
        }
        fresh.classList.add(measure.statusChanged ? 'flash-status' : 'flash');
        element.replaceWith(fresh);
        changed.push(measure.id);
      });
    });
    if (changed.length > 0) {
      document.body.setAttribute('data-last-change', event.lastEventId);
      say('Updated just now: ' + changed.length + (changed.length === 1 ? ' measure' : ' measures') + '.');
    }
  });
})();
