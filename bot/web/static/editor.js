// The table editor's progressive enhancement: plain JS, no build, nothing fetched from elsewhere.
// The page works without it (forms post as they are); this adds list buttons for steps and owners
// (add, remove, reorder), keeps the month range forwards, and passes a chat app's proof of identity.
"use strict";

(function () {
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  // A Telegram Mini App puts its signed initData in the fragment (#tgWebAppData=...); every form
  // sends it, and the server checks it against the bot token. (LINE's ID token is checked once, by
  // the LIFF entry, bot/web/liff.py, before this page opens.)
  function identity() {
    var hash = window.location.hash.replace(/^#/, "");
    var tg = "";
    hash.split("&").forEach(function (part) {
      var pair = part.split("=");
      if (pair[0] === "tgWebAppData" && pair.length > 1) tg = decodeURIComponent(pair.slice(1).join("="));
    });
    if (tg) {
      try { sessionStorage.setItem("tgWebAppData", tg); } catch (e) { /* storage may be off */ }
    } else {
      try { tg = sessionStorage.getItem("tgWebAppData") || ""; } catch (e) { tg = ""; }
    }
    if (!tg) return;
    document.querySelectorAll("form").forEach(function (form) {
      var input = el("input");
      input.type = "hidden";
      input.name = "tg";
      input.value = tg;
      form.appendChild(input);
    });
  }

  function tools(item, list) {
    var bar = el("span", "item-tools");
    var up = el("button", "item-up", "↑");
    var down = el("button", "item-down", "↓");
    var remove = el("button", "item-remove", "ลบ");
    [up, down, remove].forEach(function (b) { b.type = "button"; bar.appendChild(b); });
    up.setAttribute("aria-label", "เลื่อนขึ้น");
    down.setAttribute("aria-label", "เลื่อนลง");
    up.addEventListener("click", function () {
      if (item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
      item.querySelector("textarea, input").focus();
    });
    down.addEventListener("click", function () {
      if (item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
      item.querySelector("textarea, input").focus();
    });
    remove.addEventListener("click", function () { item.remove(); });
    item.appendChild(bar);
  }

  function enhanceList(fieldset) {
    var list = fieldset.querySelector(".items");
    var spare = list.querySelector(".spare");
    var template = spare.cloneNode(true);
    spare.remove();  // with script, "+" adds a field where needed instead of a spare one
    list.querySelectorAll(".item").forEach(function (item) { tools(item, list); });
    var add = el("button", "add-item", fieldset.getAttribute("data-add"));
    add.type = "button";
    add.addEventListener("click", function () {
      var item = template.cloneNode(true);
      item.classList.remove("spare");
      list.appendChild(item);
      tools(item, list);
      var area = item.querySelector("textarea");
      if (area && !(window.CSS && CSS.supports("field-sizing", "content"))) fit(area);
      item.querySelector("textarea, input").focus();
    });
    fieldset.appendChild(add);
  }

  // The end month never precedes the start month (the server refuses it too, as chat does).
  function enhanceTimeline(cell) {
    var start = cell.querySelector("select.start");
    var end = cell.querySelector("select.end");
    function limit() {
      Array.prototype.forEach.call(end.options, function (option, i) {
        option.disabled = i < start.selectedIndex;
      });
      if (end.selectedIndex < start.selectedIndex) end.selectedIndex = start.selectedIndex;
    }
    start.addEventListener("change", limit);
    limit();
  }

  // Text areas grow with their text, so a long measure is read whole without scrolling inside it.
  function fit(area) {
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }

  // All heights are reset, then read in one pass, then written: one layout instead of one per box.
  function fitAll() {
    var areas = Array.prototype.slice.call(document.querySelectorAll("textarea"));
    areas.forEach(function (area) { area.style.height = "auto"; });
    var heights = areas.map(function (area) { return area.scrollHeight; });
    areas.forEach(function (area, i) { area.style.height = heights[i] + 2 + "px"; });
  }

  // Every form reloads the page: typing in another row, not yet saved, would be lost. Ask first.
  function guardUnsaved() {
    var table = document.querySelector("main.table");
    if (!table) return;
    document.addEventListener("submit", function (event) {
      var own = event.target.closest(".row");
      var others = Array.prototype.filter.call(document.querySelectorAll(".row.dirty"), function (row) {
        return row !== own || !event.target.classList.contains("cells");
      });
      if (!others.length) return;
      var numbers = others.map(function (row) { return row.getAttribute("data-number"); }).join(", ");
      if (!window.confirm(table.getAttribute("data-unsaved").replace("{rows}", numbers))) event.preventDefault();
    }, true);
  }

  document.addEventListener("DOMContentLoaded", function () {
    identity();
    document.body.classList.add("js");
    // Browsers with CSS field-sizing size text boxes themselves (editor.css); the others are sized here.
    if (!(window.CSS && CSS.supports("field-sizing", "content"))) {
      fitAll();
      // The Thai font arrives after the first layout and breaks lines differently: size again then.
      if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitAll);
      window.addEventListener("resize", fitAll);
      document.addEventListener("input", function (event) {
        if (event.target.tagName === "TEXTAREA") fit(event.target);
      });
    }
    document.querySelectorAll("fieldset.list").forEach(enhanceList);
    document.querySelectorAll(".cell.timeline").forEach(enhanceTimeline);
    document.querySelectorAll("form.cells").forEach(function (form) {
      form.addEventListener("input", function () { form.parentNode.classList.add("dirty"); });
    });
    guardUnsaved();
  });
})();
