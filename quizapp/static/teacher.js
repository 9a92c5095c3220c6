// Teacher pages: confirm before destructive forms, scroll the article to the marked sentence,
// kind-specific question fields, select-all in the review queue, a generation job's progress. Every page works without it (forms and reload links).
(function () {
  "use strict";

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });

  var mark = document.getElementById("source");
  var box = mark && mark.closest(".article-text");
  if (box) { box.scrollTop = mark.offsetTop - box.offsetTop - 40; }

  // Question form: show only the fields the chosen kind uses; the server checks every kind.
  var kind = document.getElementById("kind");
  if (kind && document.getElementById("choices")) {
    var field = function (id) { var el = document.getElementById(id); return el && el.closest(".field"); };
    var update = function () {
      field("choices").hidden = kind.value !== "mcq";
      field("accepted").hidden = kind.value === "mcq" || kind.value === "truefalse";
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
