// Sign-in sheet: a "Print" button (the page prints without it, from the browser's menu).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.print-button');
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
