// The desk's keyboard habits: j / k move through a list's rows, Enter opens the current one,
// "/" goes to the page's search field. Nothing here is needed to read a page.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName));
  }
  function rows() {
    var list = document.querySelector("[data-rows]");
    if (!list) return [];
    return Array.prototype.filter.call(
      list.querySelectorAll("tbody > tr, :scope > li"),
      function (row) { return row.querySelector("a[href]"); }
    );
  }
  var current = -1;
  function go(step) {
    var all = rows();
    if (!all.length) return;
    if (current >= 0 && all[current]) all[current].classList.remove("current");
    current = Math.max(0, Math.min(all.length - 1, current + step));
    all[current].classList.add("current");
    all[current].querySelector("a[href]").focus();
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    if (event.key === "j") { go(1); event.preventDefault(); }
    else if (event.key === "k") { go(-1); event.preventDefault(); }
    else if (event.key === "/") {
      var search = document.querySelector("[data-search]");
      if (search) { search.focus(); event.preventDefault(); }
    }
  });
})();
