// Keyboard study: Space shows the answer, 1-4 pick a choice or rate, Enter submits, Z undoes.
// Without this script every action is still a plain form button.
(function () {
  "use strict";
  var page = document.querySelector("[data-study-page]");
  if (!page) { return; }
  var kind = page.getAttribute("data-study-page");

  function typing(target) {
    return target && (target.tagName === "TEXTAREA" ||
      (target.tagName === "INPUT" && /^(text|search|email|number|password)$/.test(target.type)));
  }

  function press(button) {
    if (!button) { return; }
    var form = button.form;
    if (form && form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (typing(event.target)) { return; }
    var key = event.key;
    if (key === "z" || key === "Z") {
      event.preventDefault();
      press(document.querySelector("#undo-form button"));
    } else if (kind === "card" && key === " ") {
      event.preventDefault();
      press(document.getElementById("flip"));
    } else if (kind === "card" && /^[1-9]$/.test(key)) {
      var radio = document.querySelector('#answer-form input[data-key="' + key + '"]');
      if (radio) { event.preventDefault(); radio.checked = true; radio.focus(); }
    } else if (kind === "card" && key === "Enter") {
      event.preventDefault();
      press(document.querySelector('#answer-form button[name="submit"]'));
    } else if (kind === "feedback" && /^[1-4]$/.test(key)) {
      event.preventDefault();
      press(document.querySelector('#rate-form button[data-key="' + key + '"]'));
    }
  });

  if (kind === "card" && !document.querySelector("#answer-form input[type=text]")) {
    document.getElementById("answer-form").setAttribute("tabindex", "-1");
    document.getElementById("answer-form").focus();
  }
}());
