// Minbar default theme: the mobile menu, the search overlay and back-to-top. Everything also
// works without this file (the menu and overlay open with :target, back-to-top is a link).
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  var opened = null, opener = null;
  function open(panel, trigger) {
    close();
    opened = panel; opener = trigger;
    panel.classList.add("open");
    trigger.setAttribute("aria-expanded", "true");
    var focusable = panel.querySelector("input, a[href]:not(.close)") || panel.querySelector(".close");
    if (focusable) focusable.focus();
  }
  function close() {
    if (!opened) return;
    opened.classList.remove("open");
    if (opener) { opener.setAttribute("aria-expanded", "false"); opener.focus(); }
    if (location.hash === "#" + opened.id) history.replaceState(null, "", location.pathname + location.search);
    opened = opener = null;
  }
  document.querySelectorAll("[aria-controls]").forEach(function (trigger) {
    var panel = document.getElementById(trigger.getAttribute("aria-controls"));
    if (!panel) return;
    trigger.setAttribute("aria-expanded", "false");
    trigger.addEventListener("click", function (event) { event.preventDefault(); open(panel, trigger); });
  });
  document.querySelectorAll(".drawer .close, .overlay .close").forEach(function (button) {
    button.addEventListener("click", function (event) { event.preventDefault(); close(); });
  });
  document.querySelectorAll(".drawer").forEach(function (drawer) {
    drawer.addEventListener("click", function (event) { if (event.target === drawer) close(); });
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
  var toTop = document.querySelector(".to-top");
  if (toTop) {
    var update = function () { toTop.classList.toggle("visible", window.scrollY > 600); };
    window.addEventListener("scroll", update, { passive: true });
    update();
  }
})();
