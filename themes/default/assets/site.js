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
  // Search as you type: article titles under the overlay's field (the form works without it).
  var input = document.getElementById("search-input"), list = document.getElementById("search-suggestions"), timer;
  if (input && list && window.fetch) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2) { list.textContent = ""; return; }
        fetch("/api/search/suggest?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (data) {
          list.textContent = "";
          (data.suggestions || []).forEach(function (s) {
            var li = document.createElement("li"), a = document.createElement("a");
            a.href = s.url; a.textContent = s.title; li.appendChild(a); list.appendChild(li);
          });
        }).catch(function () {});
      }, 150);
    });
  }
  // Breaking ticker: one headline at a time, the newest first; previous/next, and every 6 s by
  // itself unless the reader prefers reduced motion or is pointing at or focused in it.
  var ticker = document.querySelector(".ticker");
  if (ticker) {
    var items = ticker.querySelectorAll(".ticker-items li"), controls = ticker.querySelector(".ticker-controls");
    if (items.length > 1 && controls) {
      var shown = 0, paused = false;
      var show = function (index) {
        items[shown].classList.remove("current");
        shown = (index + items.length) % items.length;
        items[shown].classList.add("current");
      };
      ticker.classList.add("ready");
      controls.hidden = false;
      show(0);
      ticker.querySelector(".ticker-prev").addEventListener("click", function () { show(shown - 1); });
      ticker.querySelector(".ticker-next").addEventListener("click", function () { show(shown + 1); });
      ["pointerenter", "focusin"].forEach(function (e) { ticker.addEventListener(e, function () { paused = true; }); });
      ["pointerleave", "focusout"].forEach(function (e) { ticker.addEventListener(e, function () { paused = false; }); });
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      if (!still) setInterval(function () { if (!paused && !document.hidden) show(shown + 1); }, 6000);
    }
  }
  // Back to top: shown once the reader has scrolled, but never over the comment form (on a
  // phone it would cover the box's corner and take the taps meant for it).
  var toTop = document.querySelector(".to-top"), commentForm = document.querySelector(".comment-form");
  if (toTop) {
    var update = function () {
      var show = window.scrollY > 600;
      if (show && commentForm) {
        var a = toTop.getBoundingClientRect(), f = commentForm.getBoundingClientRect();
        if (a.left < f.right && f.left < a.right && a.top < f.bottom && f.top < a.bottom) show = false;
      }
      toTop.classList.toggle("visible", show);
    };
    window.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    update();
  }
  // Comments: the page is cached and shared, so the form's token is fetched when the reader
  // starts writing; reply links move the form under the comment they answer. Without
  // JavaScript the server asks to confirm once and reply links open the form on its own page.
  var form = document.getElementById("comment-form");
  if (form && form.dataset.tokenUrl && window.fetch) {
    var asked = false;
    var ask = function () {
      if (asked) return;
      asked = true;
      fetch(form.dataset.tokenUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
        if (data.token) form.elements.token.value = data.token;
      }).catch(function () { asked = false; });
    };
    form.addEventListener("focusin", ask);
    form.addEventListener("pointerdown", ask);
    var parent = form.elements.comment_parent, note = document.getElementById("replying-to"), home = form.parentNode, homeNext = form.nextSibling;
    document.querySelectorAll(".reply-link").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        parent.value = link.dataset.replyTo;
        note.hidden = false;
        note.querySelector("span").textContent = (document.documentElement.lang === "en" ? "Replying to " : "ردّاً على ") + link.dataset.replyName;
        link.closest("article").after(form);
        form.elements.comment.focus();
      });
    });
    var cancel = form.querySelector(".cancel-reply");
    if (cancel) cancel.addEventListener("click", function () {
      parent.value = "";
      note.hidden = true;
      home.insertBefore(form, homeNext);
    });
  }
})();
