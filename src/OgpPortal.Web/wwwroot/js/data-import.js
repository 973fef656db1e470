// The data import screens (/support-unit/data-import). Both work without JavaScript; this only helps.
(function () {
  "use strict";

  // Job page: follows the import's progress and reloads the page, which then shows the report, when the
  // import has finished. Without JavaScript the page refreshes itself instead (meta refresh in noscript).
  var panel = document.querySelector("[data-import-progress]");
  if (!panel) {
    return;
  }

  var bar = panel.querySelector("progress");
  var label = panel.querySelector("[data-progress-label]");

  function poll() {
    fetch(panel.dataset.importProgress, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        if (progress.finished) {
          window.location.reload();
          return;
        }
        bar.value = progress.percent;
        bar.textContent = progress.percent + "%";
        label.textContent = progress.label;
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        // A lost connection or a restart: try again, more slowly.
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
