// Type-ahead for ESCO pickers: an enhancement only. Without JavaScript the search form still works (server-side
// search on submit). With it, inputs marked data-esco="occupations|skills" get suggestions from /api/v1/esco as the
// user types, in the page's language; choosing one and submitting runs the same server-side search.
(function () {
  'use strict';
  var culture = document.documentElement.lang || 'fr';
  document.querySelectorAll('input[data-esco]').forEach(function (input, n) {
    var list = document.createElement('datalist');
    list.id = 'esco-suggestions-' + n;
    input.setAttribute('list', list.id);
    input.after(list);
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { return; }
      timer = setTimeout(function () {
        var url = '/api/v1/esco/' + encodeURIComponent(input.dataset.esco) + '?k=8&culture=' + encodeURIComponent(culture) + '&q=' + encodeURIComponent(q);
        fetch(url, { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (choices) {
            list.replaceChildren();
            (choices.items || choices).forEach(function (c) {
              var option = document.createElement('option');
              option.value = c.label;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 250);
    });
  });
})();
