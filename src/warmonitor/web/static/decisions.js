// Analysts' decisions from the desk through the API (api.js: the session's CSRF token in
// X-CSRF-Token): merge incidents (POST /api/incidents/merge), split claims out of one
// (POST /api/incidents/ID/split), and alias, merge or rename an actor
// (POST /api/actors/corrections). Each is recorded and replayed like the CLI's.
(function () {
  "use strict";
  var send = window.warmonitorApi.send, say = window.warmonitorApi.say;
  function ticked(form) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="claim"]:checked'), function (b) { return b.value; });
  }
  function go(incidents, fallback) {
    var first = incidents && incidents.length ? incidents[0].id : fallback;
    window.location.assign("/incidents/" + encodeURIComponent(first));
  }

  var merge = document.getElementById("merge");
  if (merge) merge.addEventListener("submit", function (event) {
    event.preventDefault();
    var others = merge.elements.others.value.split(/[\s,;]+/).filter(Boolean);
    if (!others.length) { say(merge, "Name at least one other incident."); return; }
    say(merge, "Saving…");
    var self = merge.getAttribute("data-incident");
    send("/api/incidents/merge", { incidents: [self].concat(others), reason: merge.elements.reason.value })
      .then(function (done) { say(merge, "Merged (decision " + done.id + ")."); go(done.incidents, self); })
      .catch(function (e) { say(merge, "Not saved: " + e.message); });
  });

  var split = document.getElementById("split");
  if (split) split.addEventListener("submit", function (event) {
    event.preventDefault();
    var claims = ticked(split);
    if (!claims.length) { say(split, "Tick the claims that are another event."); return; }
    say(split, "Saving…");
    var self = split.getAttribute("data-incident");
    send("/api/incidents/" + encodeURIComponent(self) + "/split", { claims: claims, reason: split.elements.reason.value })
      .then(function (done) {
        say(split, "Split (decision " + done.id + ").");
        var moved = (done.incidents || []).filter(function (i) { return i.id !== self; });
        go(moved.length ? moved : done.incidents, self);
      })
      .catch(function (e) { say(split, "Not saved: " + e.message); });
  });

  var actor = document.getElementById("actor-correct");
  if (actor) actor.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = actor.elements.value.value.trim();
    if (!value) { say(actor, "Give the words, the other actor or the new name."); return; }
    say(actor, "Saving…");
    var action = actor.elements.action.value;
    send("/api/actors/corrections", { action: action, actor: actor.getAttribute("data-actor"), value: value, reason: actor.elements.reason.value })
      .then(function () {
        say(actor, "Saved.");
        var name = action === "rename" ? value : actor.getAttribute("data-actor");
        window.location.assign("/actors/" + encodeURIComponent(name));
      })
      .catch(function (e) { say(actor, "Not saved: " + e.message); });
  });
})();
