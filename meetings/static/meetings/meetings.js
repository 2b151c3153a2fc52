// Meetings pages' small behaviours; read from data-* attributes (no inline script: CSP).
(function () {
  "use strict";
  // A print button only makes sense with JavaScript: it stays hidden without it.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
