// Maillage: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';
  // htmx sends the CSRF token with its non-GET requests.
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });
  // Forms marked data-autosubmit re-run their search when a filter changes.
  document.addEventListener('change', function (e) {
    var form = e.target.closest && e.target.closest('form[data-autosubmit]');
    if (form && e.target.matches('input[type=checkbox], input[type=radio], select')) {
      if (window.htmx) { window.htmx.trigger(form, 'submit'); } else { form.submit(); }
    }
  });
  // Inputs with data-suggest fill their datalist from the directory API as one types (networks
  // too large to list every structure in the page). Without JavaScript the name typed is matched
  // on the server as before.
  var suggestTimer = null;
  document.addEventListener('input', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('input[data-suggest][list]')) { return; }
    var list = document.getElementById(input.getAttribute('list'));
    var q = input.value.trim();
    clearTimeout(suggestTimer);
    if (!list || q.length < 2 || !window.fetch) { return; }
    suggestTimer = setTimeout(function () {
      var url = input.getAttribute('data-suggest') + '?size=10&q=' + encodeURIComponent(q);
      fetch(url, { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (page) {
          if (!page || !page.items || input.value.trim() !== q) { return; }
          var options = page.items.map(function (o) {
            var option = document.createElement('option');
            option.value = o.acronym ? o.name + ' (' + o.acronym + ')' : o.name;
            return option;
          });
          list.replaceChildren.apply(list, options);
        })
        .catch(function () { /* suggestions are a convenience */ });
    }, 200);
  });
})();
