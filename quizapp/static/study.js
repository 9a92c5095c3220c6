// Keyboard study: Space shows the answer, 1-4 pick a choice or rate, Enter submits, Z undoes.
// A key typed into a text box is always text: there the shortcuts need Alt (Option), matched by
// the key's position (event.code) because Option+Z types another character on a Mac.
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

  function shortcutKey(event) {
    var code = event.code || "";
    if (code === "KeyZ") { return "z"; }
    if (code === "Space") { return " "; }
    var digit = /^(?:Digit|Numpad)([1-9])$/.exec(code);
    return digit ? digit[1] : null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    var key = event.key;
    if (event.altKey) {
      key = shortcutKey(event);
      if (!key) { return; }
    } else if (typing(event.target)) {
      return;
    }
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
  page.setAttribute("data-keys", "ready");  // the shortcuts listen from here on
}());
