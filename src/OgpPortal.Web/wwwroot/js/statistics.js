// Draws each statistics chart from its table: the table (with its caption) is the data and stays the
// accessible version; the chart only shows it. Raw numbers are read from data-value, so the formatted,
// culture-specific text in the cells is never parsed.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return;
  }

  document.querySelectorAll("canvas[data-chart-table]").forEach(function (canvas) {
    var table = document.getElementById(canvas.dataset.chartTable);
    if (!table) {
      return;
    }

    var series = Array.from(table.querySelectorAll("thead th")).slice(1).map(function (th) { return th.textContent.trim(); });
    var rows = Array.from(table.querySelectorAll("tbody tr"));
    var labels = rows.map(function (tr) { return tr.querySelector("th").textContent.trim(); });
    var datasets = series.map(function (name, i) {
      return {
        label: name,
        data: rows.map(function (tr) { return Number(tr.querySelectorAll("td")[i].dataset.value); })
      };
    });

    new Chart(canvas, {
      type: canvas.dataset.chartType || "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        maintainAspectRatio: false,
        locale: document.documentElement.lang || undefined,
        plugins: { legend: { display: series.length > 1 } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
