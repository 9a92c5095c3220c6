// Teacher pages: confirm before destructive forms, scroll the article to the marked sentence,
// kind-specific question fields, select-all and keyboard shortcuts in the review queue, a generation job's progress. Every page works without it (forms and reload links).
(function () {
  "use strict";

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });

  // Set page: deleting ticked questions is confirmed too (other bulk actions can be undone).
  var bulkSet = document.querySelector("form#bulk select[name=action]");
  if (bulkSet) {
    bulkSet.form.addEventListener("submit", function (event) {
      if (bulkSet.value === "delete" && !window.confirm("Delete the ticked questions?")) { event.preventDefault(); }
    });
  }

  var mark = document.getElementById("source");
  var box = mark && mark.closest(".article-text");
  if (box) { box.scrollTop = mark.offsetTop - box.offsetTop - 40; }

  // Question form: show only the chosen kind's fields and hint, as the server does when the
  // kind is switched without a script; the server checks every kind.
  var kind = document.getElementById("kind");
  var kindBlocks = document.querySelectorAll(".question-form [data-kinds]");
  if (kind && kindBlocks.length) {
    var update = function () {
      kindBlocks.forEach(function (el) { el.hidden = el.dataset.kinds.split(" ").indexOf(kind.value) < 0; });
    };
    kind.addEventListener("change", update);
    update();
  }

  // Review queue: one box ticks every question shown.
  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll("input[name=ids]").forEach(function (b) { b.checked = all.checked; });
    });
  }

  // Review shortcuts (said on the page): J/K move between questions, A approves, R goes to the
  // reason, E edits, N skips on. A key typed in a box, or with a modifier, is never taken.
  var reviewing = document.querySelector("ol.questions.review, .review-one");
  if (reviewing) {
    var cards = function () { return Array.prototype.slice.call(document.querySelectorAll("ol.questions.review > li, .review-one > section[id]")); };
    var current = function () {
      var list = cards();
      var active = document.activeElement && document.activeElement.closest("ol.questions.review > li, .review-one > section[id]");
      var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
      return active || (list.indexOf(target) >= 0 ? target : list[0]);
    };
    var typing = function (el) {
      if (!el || el.isContentEditable) { return !!el; }
      var tag = el.tagName;
      return tag === "TEXTAREA" || tag === "SELECT" ||
        (tag === "INPUT" && ["checkbox", "radio", "button", "submit"].indexOf(el.type) < 0);
    };
    var go = function (step) {
      var list = cards(), at = list.indexOf(current()), next = list[at + step];
      if (next) { next.focus(); next.scrollIntoView({block: "nearest"}); }
    };
    var target0 = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (target0 && cards().indexOf(target0) >= 0) { target0.focus(); }
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing || typing(event.target)) { return; }
      var card = current(), key = event.key.toLowerCase(), el = null;
      if (key === "j") { go(1); } else if (key === "k") { go(-1); }
      else if (key === "a" && card) { el = card.querySelector(".review-verdict button.approve"); if (el) { el.click(); } }
      else if (key === "r" && card) { el = card.querySelector("select.why"); if (el) { el.focus(); } }
      else if (key === "e" && card) { el = card.querySelector("a.edit"); if (el) { el.click(); } }
      else if (key === "n") { el = document.querySelector(".review-one a.next"); if (el) { el.click(); } }
      else { return; }
      event.preventDefault();
    });
  }

  var job = document.getElementById("job");
  if (job && job.dataset.poll === "1") {
    var poll = function () {
      fetch(job.dataset.url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          document.getElementById("progress").value = s.progress;
          document.getElementById("message").textContent = s.message;
          document.getElementById("sentences-read").textContent = s.sentences_read;
          document.getElementById("sentences-total").textContent = s.sentences_total || "?";
          document.getElementById("questions-written").textContent = s.questions_written;
          // The job page itself says how many questions wait, then opens the review queue.
          if (s.status === "done") { window.location.reload(); return; }
          if (s.status === "failed" || s.status === "cancelled") {
            document.getElementById("failed").hidden = false;
            document.getElementById("cancel").hidden = true;
            return;
          }
          setTimeout(poll, 700);
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    poll();
  }
}());
