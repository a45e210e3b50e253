/// The admin's stylesheet and script, served from `/admin/assets/`. No framework, no inline
/// code (the admin's Content-Security-Policy forbids it).
enum AdminAssets {
    static let css = """
        :root { --ink: #1d2327; --muted: #646970; --line: #dcdcde; --accent: #0a5c8a; --danger: #b32d2e; --bg: #f6f7f7; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.6 system-ui, "Noto Naskh Arabic", "Segoe UI", Tahoma, sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        .skip { position: absolute; inset-inline-start: -999px; }
        .skip:focus { inset-inline-start: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
        .bar { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; padding: .5rem 1rem; background: var(--ink); }
        .bar a, .bar .link { color: #fff; margin-inline-end: .75rem; }
        .bar nav { display: flex; flex-wrap: wrap; }
        .who { display: flex; gap: .75rem; align-items: center; color: #ddd; }
        .who form { display: inline; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { margin-block: .5rem 1rem; }
        .notice { background: #e7f5ea; border-inline-start: 4px solid #00a32a; padding: .5rem 1rem; }
        .error-box { background: #fcf0f1; border-inline-start: 4px solid var(--danger); padding: .5rem 1rem; }
        .field { margin-block-end: 1rem; }
        .field label, .field legend { display: block; font-weight: 600; margin-block-end: .25rem; }
        .field.invalid input, .field.invalid textarea { border-color: var(--danger); }
        .field-error { color: var(--danger); margin: .25rem 0 0; }
        .hint, .muted { color: var(--muted); font-size: .9rem; margin: .25rem 0 0; }
        .chip { display: inline-block; padding: .1rem .6rem; margin-block: .15rem; border: 1px solid var(--line); border-radius: 1rem; background: #fff; }
        input, textarea, select { font: inherit; padding: .4rem .5rem; border: 1px solid #8c8f94; border-radius: 4px; background: #fff; }
        .editor input:not([type=checkbox]):not([type=radio]), .editor textarea { inline-size: 100%; }
        fieldset { border: 1px solid var(--line); border-radius: 4px; }
        .checks { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        .checks label { font-weight: normal; }
        button { font: inherit; padding: .4rem .9rem; border: 1px solid var(--accent); border-radius: 4px; background: #fff; color: var(--accent); cursor: pointer; }
        button.primary { background: var(--accent); color: #fff; }
        button.danger { border-color: var(--danger); color: var(--danger); }
        button.link { border: 0; background: none; padding: 0; text-decoration: underline; }
        button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f0b849; outline-offset: 2px; }
        .buttons { display: flex; flex-wrap: wrap; gap: .5rem; }
        .filters, .inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-block-end: 1rem; }
        .narrow { max-inline-size: 24rem; display: grid; gap: .5rem; }
        table.list { inline-size: 100%; border-collapse: collapse; background: #fff; }
        table.list th, table.list td { text-align: start; padding: .4rem .5rem; border-block-end: 1px solid var(--line); vertical-align: top; }
        .row-actions form { display: inline; }
        /* Phones: each row of a list is a card of its own, labels beside the values; no sideways scrolling. */
        @media (max-width: 40rem) {
          table.list, table.list tbody, table.list tr, table.list td { display: block; inline-size: 100%; }
          table.list thead { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.list tr { position: relative; border-block-end: 1px solid var(--line); padding-block: .5rem; }
          table.list td { border: 0; padding: .1rem .5rem; overflow-wrap: anywhere; }
          table.list td.select { position: absolute; inset-inline-end: 0; inset-block-start: .5rem; inline-size: auto; }
          table.list td.title { font-weight: 600; padding-inline-end: 2.5rem; }
          table.list td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
          table.list td:empty { display: none; }
          main { padding: .5rem; }
          .bar nav a { margin-block: .15rem; }
          .filters label, .filters input, .filters select { max-inline-size: 100%; }
        }
        .badge { background: var(--danger); color: #fff; border-radius: 3px; padding: 0 .4rem; font-size: .8rem; }
        .counts { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
        .counts a { display: block; background: #fff; border: 1px solid var(--line); padding: .5rem 1rem; text-decoration: none; }
        .counts strong { font-size: 1.5rem; display: block; }
        .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
        .chart { inline-size: 100%; max-inline-size: 40rem; block-size: auto; background: #fff; border: 1px solid var(--line); }
        .chart .bar { fill: var(--accent); }
        .chart .axis { stroke: var(--muted); }
        .chart .tick { fill: var(--muted); font-size: 11px; }
        .pages { margin-block: 1rem; display: flex; gap: 1rem; }
        .diff { background: #fff; border: 1px solid var(--line); font-family: ui-monospace, monospace; white-space: pre-wrap; unicode-bidi: plaintext; }
        .diff > div { padding: 0 .5rem; }
        .conflict { background: #fcf9e8; border: 2px solid #dba617; border-radius: 4px; padding: .5rem 1rem; margin-block-end: 1rem; }
        .conflict h2 { margin-block: .25rem .5rem; }
        .conflict .diff { font-size: .9rem; }
        .diff .removed { background: #fcf0f1; text-decoration: line-through; }
        .diff .added { background: #e7f5ea; }
        .diff .removed::before { content: "− "; }
        .diff .added::before { content: "+ "; }
        .upload { background: #fff; border: 2px dashed var(--line); border-radius: 6px; padding: 1rem; margin-block-end: 1rem; display: grid; gap: .5rem; }
        .upload.dragging { border-color: var(--accent); background: #eef6fb; }
        .progress { list-style: none; margin: 0; padding: 0; }
        .progress li { display: flex; gap: .5rem; align-items: center; }
        .progress progress { inline-size: 10rem; }
        .progress .failed { color: var(--danger); }
        .media-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: .75rem; list-style: none; padding: 0; }
        .media-grid a { display: grid; gap: .25rem; text-decoration: none; color: var(--ink); background: #fff; border: 1px solid var(--line); padding: .25rem; }
        .media-grid img, .picker img { inline-size: 100%; block-size: auto; aspect-ratio: 1; object-fit: cover; display: block; }
        .badge-warn { display: inline-block; background: #fcf9e8; color: #8a4b00; font-size: .8rem; padding: 0 .4rem; border-radius: 3px; }
        .media-item { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); align-items: start; }
        .media-preview { inline-size: 100%; block-size: auto; background: #fff; border: 1px solid var(--line); }
        .snippet-box { inline-size: 100%; font-family: ui-monospace, monospace; font-size: .85rem; }
        .copies { columns: 2 16rem; }
        .featured-preview { display: block; inline-size: 150px; block-size: 150px; object-fit: cover; margin-block: .5rem; }
        .picker { background: #fff; border: 1px solid var(--line); padding: .5rem; margin-block: .5rem; }
        .picker ul { display: grid; grid-template-columns: repeat(auto-fill, minmax(100px, 1fr)); gap: .5rem; list-style: none; padding: 0; max-block-size: 24rem; overflow-y: auto; }
        .picker button { padding: 0; border: 1px solid var(--line); background: none; inline-size: 100%; }
        .diff .removed .word { background: #f2b8bd; }
        .diff .added .word { background: #9fdcaf; font-weight: 600; }
        """

    static let js = """
        (function () {
          "use strict";
          // Uploads: drag and drop, or the file input, one request per file with its progress.
          // Without JavaScript the form sends every chosen file at once.
          var upload = document.getElementById("upload");
          if (upload && window.FormData && window.XMLHttpRequest) {
            var input = upload.querySelector("input[type=file]"), progress = upload.querySelector(".progress");
            var max = Number(upload.dataset.maxBytes || 0), en = document.documentElement.lang === "en";
            upload.querySelector(".drop").hidden = false;
            var send = function (files) {
              var left = files.length, made = [], failed = 0;
              Array.prototype.forEach.call(files, function (file) {
                var li = document.createElement("li"), bar = document.createElement("progress"), label = document.createElement("span");
                label.textContent = file.name; bar.max = 100; bar.value = 0;
                li.appendChild(label); li.appendChild(bar); progress.appendChild(li);
                var done = function (message, ok) {
                  if (message) { var note = document.createElement("span"); note.textContent = message; if (!ok) note.className = "failed"; li.appendChild(note); }
                  if (!ok) failed++;
                  // All made: on to the photo (or the library). A refusal stays on screen, with links to what was made.
                  if (--left === 0 && made.length && !failed) location.href = made.length === 1 ? made[0] + "?done=uploaded" : "/admin/media?done=uploaded";
                };
                if (max && file.size > max) { bar.remove(); done(en ? "Larger than the limit." : "أكبر من الحد المسموح.", false); return; }
                var body = new FormData();
                body.append("_csrf", upload.dataset.csrf);
                body.append("files", file, file.name);
                var request = new XMLHttpRequest();
                request.open("POST", upload.action);
                request.setRequestHeader("Accept", "application/json");
                request.setRequestHeader("X-CSRF-Token", upload.dataset.csrf);
                request.upload.onprogress = function (event) { if (event.lengthComputable) bar.value = Math.round(100 * event.loaded / event.total); };
                request.onload = function () {
                  var answer = {};
                  try { answer = JSON.parse(request.responseText); } catch (e) {}
                  bar.value = 100;
                  if (answer.url) {
                    made.push(answer.url);
                    var open = document.createElement("a"); open.href = answer.url; open.textContent = en ? "Ready: open" : "جاهزة: افتحها";
                    li.appendChild(open); done("", true);
                  }
                  else done((answer.errors && answer.errors.join(" ")) || answer.error || (en ? "Refused." : "رُفضت."), false);
                };
                request.onerror = function () { done(en ? "The connection dropped." : "انقطع الاتصال.", false); };
                request.send(body);
              });
            };
            upload.addEventListener("submit", function (event) {
              if (!input.files.length) return;
              event.preventDefault();
              send(input.files);
            });
            ["dragenter", "dragover"].forEach(function (name) { upload.addEventListener(name, function (event) { event.preventDefault(); upload.classList.add("dragging"); }); });
            ["dragleave", "drop"].forEach(function (name) { upload.addEventListener(name, function () { upload.classList.remove("dragging"); }); });
            upload.addEventListener("drop", function (event) { event.preventDefault(); if (event.dataTransfer.files.length) send(event.dataTransfer.files); });
          }
          var form = document.getElementById("editor");
          if (!form) return;
          var fields = ["title", "excerpt", "body"];
          var statusLine = document.getElementById("autosave-status");
          var idField = form.querySelector("input[name=id]");
          var key = "minbar-autosave-" + (idField && idField.value ? idField.value : "new");
          function snapshot() {
            var data = {};
            fields.forEach(function (name) { var el = form.elements[name]; data[name] = el ? el.value : ""; });
            return data;
          }
          var last = JSON.stringify(snapshot());
          function send(keepalive) {
            var now = JSON.stringify(snapshot());
            if (now === last) return;
            // A copy in the browser too, for a lost connection or a closed tab.
            try { var copy = JSON.parse(now); copy.at = Date.now(); localStorage.setItem(key, JSON.stringify(copy)); } catch (e) {}
            var body = new URLSearchParams();
            body.set("id", idField ? idField.value : "");
            var data = JSON.parse(now);
            fields.forEach(function (name) { body.set(name, data[name]); });
            fetch(form.dataset.autosave, {
              method: "POST", body: body, keepalive: !!keepalive, credentials: "same-origin",
              headers: { "X-CSRF-Token": form.dataset.csrf }
            }).then(function (response) {
              if (!response.ok) return;
              last = now;
              return response.json().then(function (json) { if (statusLine) statusLine.textContent = "· " + json.message; });
            }).catch(function () {});
          }
          setInterval(function () { send(false); }, 10000);
          document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") send(true); });
          form.addEventListener("submit", function () { try { localStorage.removeItem(key); } catch (e) {} });
          // Text kept by this browser and never saved on the server: offer it back.
          var local = null;
          try { local = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) {}
          var localOffer = document.getElementById("local-offer");
          if (local && localOffer && local.at > Number(form.dataset.modified || 0) && !document.getElementById("autosave-offer") &&
              fields.some(function (name) { return form.elements[name] && (local[name] || "") !== form.elements[name].value; })) {
            localOffer.hidden = false;
            document.getElementById("local-restore").addEventListener("click", function () {
              fields.forEach(function (name) { if (form.elements[name]) form.elements[name].value = local[name] || ""; });
              localOffer.hidden = true;
              form.elements.title.focus();
            });
          }
          // Tags as you type: existing tags completing the name being typed after the last comma.
          var tags = document.getElementById("tags"), suggestions = document.getElementById("tag-suggestions"), tagTimer;
          if (tags && suggestions) {
            tags.addEventListener("input", function () {
              clearTimeout(tagTimer);
              tagTimer = setTimeout(function () {
                var value = tags.value, cut = Math.max(value.lastIndexOf(","), value.lastIndexOf("،"));
                var head = value.slice(0, cut + 1), typed = value.slice(cut + 1).trim();
                if (!typed) { suggestions.textContent = ""; return; }
                fetch("/admin/tags/suggest?q=" + encodeURIComponent(typed), { credentials: "same-origin" })
                  .then(function (r) { return r.json(); }).then(function (data) {
                    suggestions.textContent = "";
                    (data.tags || []).forEach(function (name) {
                      var option = document.createElement("option");
                      option.value = (head ? head.trim() + " " : "") + name;
                      suggestions.appendChild(option);
                    });
                  }).catch(function () {});
              }, 150);
            });
          }
          // The featured image chosen from the library, shown beside its list.
          var featured = document.getElementById("featured_media"), featuredPreview = document.getElementById("featured-preview");
          if (featured && featuredPreview) {
            var showFeatured = function () {
              var option = featured.options[featured.selectedIndex], thumb = option && option.dataset.thumb;
              featuredPreview.hidden = !thumb;
              if (thumb) featuredPreview.src = thumb;
            };
            featured.addEventListener("change", showFeatured);
            showFeatured();
          }
          // Insert image: a library photo as a figure (caption, credit) where the cursor is.
          var insert = document.getElementById("insert-image"), picker = document.getElementById("image-picker");
          if (insert && picker && form.elements.body) {
            insert.parentNode.hidden = false;
            var list = picker.querySelector("ul"), q = document.getElementById("picker-q"), pickTimer;
            var esc = function (text) { var d = document.createElement("div"); d.textContent = text || ""; return d.innerHTML.replace(/"/g, "&quot;").replace(/'/g, "&#39;"); };
            var load = function () {
              fetch("/admin/media?picker=1&q=" + encodeURIComponent(q.value.trim()), { credentials: "same-origin" })
                .then(function (r) { return r.json(); }).then(function (data) {
                  list.textContent = "";
                  (data.items || []).forEach(function (item) {
                    var li = document.createElement("li"), button = document.createElement("button"), img = document.createElement("img");
                    button.type = "button"; img.src = item.thumb; img.alt = item.alt || item.title; button.title = item.title;
                    button.appendChild(img); li.appendChild(button); list.appendChild(li);
                    button.addEventListener("click", function () {
                      var caption = [esc(item.caption), item.credit ? "<small>" + esc(item.credit) + "</small>" : ""].filter(Boolean).join(" ");
                      var html = "\\n\\n<figure><img src='" + esc(item.src) + "' alt='" + esc(item.alt) + "' width='" + item.width + "' height='" + item.height + "'>" +
                        (caption ? "<figcaption>" + caption + "</figcaption>" : "") + "</figure>\\n\\n";
                      var body = form.elements.body, at = body.selectionStart || body.value.length;
                      body.value = body.value.slice(0, at) + html + body.value.slice(body.selectionEnd || at);
                      picker.hidden = true;
                      body.focus();
                    });
                  });
                }).catch(function () {});
            };
            insert.addEventListener("click", function () { picker.hidden = !picker.hidden; if (!picker.hidden) { load(); q.focus(); } });
            q.addEventListener("input", function () { clearTimeout(pickTimer); pickTimer = setTimeout(load, 200); });
          }
          var offer = document.getElementById("autosave-offer");
          var restore = document.getElementById("autosave-restore");
          if (offer && restore) {
            restore.addEventListener("click", function () {
              fields.forEach(function (name) { if (form.elements[name]) form.elements[name].value = offer.dataset[name] || ""; });
              offer.hidden = true;
              form.elements.title.focus();
            });
          }
        })();
        """
}
