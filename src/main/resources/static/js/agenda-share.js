// /agenda/partager: "Copier" buttons (hidden without JavaScript: the fields can be selected and copied by hand).
(function () {
  'use strict';
  function reveal() {
    if (!navigator.clipboard) { return; }
    document.querySelectorAll('button[data-copy][hidden]').forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener('DOMContentLoaded', reveal);
  document.addEventListener('htmx:afterSettle', reveal);
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button[data-copy]');
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) { return; }
    field.select();
    navigator.clipboard.writeText(field.value).then(function () {
      var label = button.textContent;
      button.textContent = button.getAttribute('data-copied') || label;
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
})();
