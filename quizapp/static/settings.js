// Study settings: while the time zone is still the default (UTC), choose the browser's own zone
// in the list and say so; nothing is saved until the student presses Save.
(function () {
  "use strict";
  var note = document.querySelector("[data-suggest-zone]");
  var select = document.getElementById("timezone");
  if (!note || !select || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === select.value) { return; }
  var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
  if (!option) { return; }
  select.value = zone;
  note.textContent = "Your browser's time zone, " + zone.replace(/_/g, " ") +
    ", is chosen below: press Save to keep it.";
  note.hidden = false;
}());
