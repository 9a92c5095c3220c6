// The student's time zone, so their study days start at 4 am where they live.
(function () {
  "use strict";
  var field = document.getElementById("timezone");
  try {
    if (field) { field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; }
  } catch (e) { /* an old browser: the server keeps UTC, and Settings can change it */ }
}());
