/* The respondent's pages work without this file; with it, questions whose condition is not met
   are hidden as answers change, and a second click on a submit button sends nothing more. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function checkedValues(form, name) {
    var values = [];
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") ? input.checked : input.value) {
        values.push(input.value);
      }
    });
    return values;
  }

  function applyConditions(form) {
    form.querySelectorAll("[data-show-if]").forEach(function (question) {
      var controller = form.querySelector('[name="' + question.dataset.showIf + '"]');
      var controllerQuestion = controller && controller.closest(".question");
      var shown = checkedValues(form, question.dataset.showIf).indexOf(question.dataset.showValue) !== -1;
      if (controllerQuestion && controllerQuestion.hidden) {
        shown = false;
      }
      question.hidden = !shown;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form").forEach(function (form) {
      if (form.querySelector("[data-show-if]")) {
        applyConditions(form);
        form.addEventListener("change", function () { applyConditions(form); });
      }
      form.addEventListener("submit", function (event) {
        if (form.dataset.sending) {
          event.preventDefault();
          return;
        }
        form.dataset.sending = "1";
      });
    });
  });

  // Coming back with the browser's Back button shows the page as it was left: sendable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sending]").forEach(function (form) { delete form.dataset.sending; });
  });
})();
