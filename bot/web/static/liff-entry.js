// The LIFF entry (bot/web/liff.py): ask LINE who the officer is, send the ID token to the server.
// Loaded only on /editor/liff pages, after the vendored LIFF SDK (window.liff).
"use strict";

(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("liff");
    var form = document.getElementById("liff-form");
    var plain = root.getAttribute("data-plain");
    function fail() { root.classList.add("failed"); }
    if (!window.liff) { fail(); return; }
    window.liff.init({ liffId: root.getAttribute("data-liff-id") }).then(function () {
      // The endpoint itself (no token yet): init goes on to the path in liff.state by itself.
      if (!form) return;
      // Outside LINE without a LINE login, the signed link alone opens the editor, as in any browser.
      if (!window.liff.isLoggedIn()) { window.location.replace(plain); return; }
      var token = window.liff.getIDToken();
      if (!token) { fail(); return; }
      form.querySelector("input[name=liff]").value = token;
      form.submit();
    }).catch(fail);
  });
})();
