// gongkai: small progressive enhancements. Everything works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // "/" focuses the search box (unless the reader is typing somewhere).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.getElementById("q");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Sort and page size apply as soon as they change.
    document.querySelectorAll("select.auto-submit").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });

    // On a phone the filters start folded.
    var panel = document.getElementById("facets-panel");
    if (panel && window.matchMedia("(max-width: 760px)").matches) panel.open = false;

    setUpHitNavigation();
  });

  // Next / previous match on the report page: cycles through mark#hit-1 … mark#hit-N.
  function setUpHitNavigation() {
    var nav = document.getElementById("hit-nav");
    if (!nav) return;
    var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hit"));
    var status = document.getElementById("hit-position");
    if (!marks.length) return;
    var current = -1;
    var fromHash = /^#hit-(\d+)$/.exec(window.location.hash);
    if (fromHash) current = Math.min(marks.length, Number(fromHash[1])) - 1;

    function show(index) {
      if (current >= 0) marks[current].classList.remove("current");
      current = (index + marks.length) % marks.length;
      var mark = marks[current];
      mark.classList.add("current");
      mark.scrollIntoView({ block: "center" });
      history.replaceState(null, "", "#" + mark.id);
      if (status) status.textContent = "第 " + (current + 1) + " / " + marks.length + " 处";
    }

    function step(delta) {
      return function (event) {
        event.preventDefault();
        show(current < 0 ? (delta > 0 ? 0 : marks.length - 1) : current + delta);
      };
    }
    document.getElementById("hit-next").addEventListener("click", step(1));
    document.getElementById("hit-prev").addEventListener("click", step(-1));
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (event.key === "n" && !event.ctrlKey && !event.metaKey) step(1)(event);
      if (event.key === "N" && !event.ctrlKey && !event.metaKey) step(-1)(event);
    });
    if (current >= 0) show(current);
    else if (!window.location.hash) show(0);
  }
})();
