/* Maillage: the e-APD worksheet's total follows the amounts as they are typed. The page works
   without this file (the saved total is shown, and the server recomputes it on saving). */
(function () {
  'use strict';

  function parse(text) {
    var s = String(text || '').replace(/[\s\u00a0\u202f€]/g, '');
    if (!s) { return 0; }
    var comma = s.lastIndexOf(','), dot = s.lastIndexOf('.');
    if (comma >= 0 && dot >= 0) {
      s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
    } else if (comma >= 0) {
      s = s.replace(',', '.');
    }
    var n = Number(s);
    return isFinite(n) ? n : NaN;
  }

  function init() {
    var total = document.getElementById('eapd-total');
    var form = document.getElementById('eapd-form');
    if (!total || !form) { return; }
    var locale = total.getAttribute('data-locale') === 'en' ? 'en-GB' : 'fr-FR';
    var format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2, minimumFractionDigits: 0 });
    function update() {
      var sum = 0, ok = true;
      form.querySelectorAll('input.amount').forEach(function (input) {
        var n = parse(input.value);
        if (isNaN(n)) { ok = false; } else { sum += n; }
      });
      if (ok) { total.textContent = format.format(Math.round(sum * 100) / 100); }
    }
    form.addEventListener('input', function (e) {
      if (e.target.matches && e.target.matches('input.amount')) { update(); }
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
