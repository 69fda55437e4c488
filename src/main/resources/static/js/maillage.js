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
})();
