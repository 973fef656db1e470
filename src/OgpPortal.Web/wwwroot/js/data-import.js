// The data import screens (/support-unit/data-import). Both work without JavaScript; this only helps.
(function () {
  "use strict";

  // Upload form: a file over the limit is refused here, with the server's own message, before it is sent.
  var form = document.querySelector("form[data-import-upload]");
  if (form) {
    form.addEventListener("submit", function (event) {
      var input = form.querySelector("input[type=file]");
      var file = input && input.files && input.files[0];
      if (!file || file.size <= Number(form.dataset.maxBytes)) {
        return;
      }

      var error = document.getElementById(input.id + "-error");
      if (!error) {
        return;
      }

      event.preventDefault();
      error.textContent = form.dataset.tooLarge;
      error.classList.add("d-block");
      input.classList.add("is-invalid");
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + error.id).trim());
      input.focus();
    });
  }

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
