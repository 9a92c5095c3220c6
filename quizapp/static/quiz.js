// Quiz attempts: a countdown to the server's deadline, answers saved as they change, and the
// attempt sent when time runs out. Without this script the page still works: every answer is
// a plain form field, and the server refuses late answers whatever the browser does.
(function () {
  "use strict";
  var clock = document.querySelector(".countdown[data-deadline]");
  var form = document.getElementById("attempt-form");
  var note = document.querySelector(".autosave");
  var sending = false;

  function post(extra, wantJson) {
    var data = new FormData(form);
    Object.keys(extra).forEach(function (key) { data.set(key, extra[key]); });
    return fetch(form.action, {method: "POST", body: data, credentials: "same-origin",
                               headers: wantJson ? {"Accept": "application/json"} : {}});
  }

  function say(text) { if (note) { note.textContent = text; } }

  var timer = null;
  function saveSoon() {
    if (!form) { return; }
    clearTimeout(timer);
    timer = setTimeout(function () {
      say("Saving…");
      post({go: "save"}, true).then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) { say("Saved."); }
          else { say(body.error ? body.error.message : "Not saved."); }
        });
      }).catch(function () { say("Not saved: check your connection."); });
    }, 600);
  }

  if (form) {
    form.addEventListener("change", saveSoon);
    form.addEventListener("input", saveSoon);
  }

  function timeUp() {
    if (sending) { return; }
    sending = true;
    var target = form || document.getElementById("submit-form");
    if (!target) { return; }
    if (form) {
      var go = document.createElement("input");
      go.type = "hidden"; go.name = "go"; go.value = "timeup";
      form.appendChild(go);
    }
    target.submit();
  }

  if (clock) {
    var skew = Number(clock.getAttribute("data-now")) - Date.now();
    var deadline = Number(clock.getAttribute("data-deadline"));
    var left = clock.querySelector(".countdown-left");
    var tick = function () {
      var ms = deadline - (Date.now() + skew);
      if (ms <= 0) {
        left.textContent = "0:00";
        timeUp();
        return;
      }
      var s = Math.ceil(ms / 1000);
      left.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
      if (s <= 60) { clock.classList.add("ending"); }
      setTimeout(tick, 250);
    };
    tick();
  }
})();
