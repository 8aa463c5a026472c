// Draws the indicator chart from the JSON in the canvas's data-chart attribute (no inline script: the CSP forbids it). The table below
// the chart holds the same numbers, so nothing is lost without JavaScript.
(function () {
    'use strict';
    var canvas = document.getElementById('indicator-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }

    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var datasets = [{ label: spec.label, data: spec.values, backgroundColor: '#0d6efd', borderColor: '#0d6efd' }];
    if (spec.target !== null) {
        datasets.push({
            type: 'line', label: spec.targetLabel, data: spec.labels.map(function () { return spec.target; }),
            borderColor: '#d63384', borderDash: [6, 4], pointRadius: 0, fill: false
        });
    }

    var rtl = document.documentElement.dir === 'rtl';
    new Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: datasets },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { rtl: rtl, position: 'bottom' } },
            scales: { x: { reverse: rtl }, y: { beginAtZero: true } }
        }
    });
})();
