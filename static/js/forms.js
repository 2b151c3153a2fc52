/* Forms, with JavaScript (they work without it):
   - after a failed save, focus moves to the error summary (templates/partials/error_summary.html);
     on a phone the first faulty field is scrolled into view; a summary link focuses its field;
   - a date typed in a day-first field (core.widgets.DateInput) is tidied to dd/mm/yyyy when the
     field is left ("٣١.١٢.٢٠١٧" -> "31/12/2017"), a time to hh:mm. Never month first, whatever
     the browser's locale. The server reads the same forms and stays the judge. */
(function () {
  "use strict";

  var PHONE = "(max-width: 575.98px)";

  function asciiDigits(text) {
    return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, function (digit) {
      var code = digit.charCodeAt(0);
      return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
    }).replace(/\u066b/g, ".");
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function isDate(year, month, day) {
    var date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }

  function tidyDate(value) {
    var text = asciiDigits(value).trim().replace(/\u0645$/, "").trim();
    var match = text.match(/^(\d{1,2})\s*[\/.\-\u060d\s]\s*(\d{1,2})\s*[\/.\-\u060d\s]\s*(\d{4})$/) ||
      text.match(/^(\d{2})(\d{2})(\d{4})$/);
    var day, month, year;
    if (match) {
      day = +match[1]; month = +match[2]; year = +match[3];
    } else if ((match = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) {
      year = +match[1]; month = +match[2]; day = +match[3];
    } else {
      return null;
    }
    return isDate(year, month, day) ? pad(day) + "/" + pad(month) + "/" + year : null;
  }

  function tidyTime(value) {
    var match = asciiDigits(value).trim().match(/^(\d{1,2})(?:\s*[:.]\s*(\d{2})|(\d{2}))$/);
    if (!match) {
      return null;
    }
    var hour = +match[1], minute = +(match[2] || match[3]);
    return hour < 24 && minute < 60 ? pad(hour) + ":" + pad(minute) : null;
  }

  function focusField(field) {
    field.scrollIntoView({block: "center"});
    field.focus({preventScroll: true});
  }

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
      return;
    }
    var firstFaulty = document.querySelector('[aria-invalid="true"]');
    if (firstFaulty && window.matchMedia(PHONE).matches) {
      summary.focus({preventScroll: true});
      firstFaulty.scrollIntoView({block: "center"});
    } else {
      summary.focus();
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-error-link]") : null;
    var field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (field) {
      event.preventDefault();
      focusField(field);
    }
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    var tidy = input.hasAttribute && (input.hasAttribute("data-date-input") ? tidyDate :
      input.hasAttribute("data-time-input") ? tidyTime : null);
    var value = tidy && tidy(input.value);
    if (value && value !== input.value) {
      input.value = value;
    }
  });
})();
