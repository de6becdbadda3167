// Reviews from the desk through the API (api.js: the session's CSRF token in X-CSRF-Token):
// the queue's bulk accept / reject (POST /api/reviews) and one claim's form (accept, reject or
// correct: POST /api/claims/ID/reviews; a new incident: POST /api/claims/ID/move).
(function () {
  "use strict";
  var send = window.warmonitorApi.send, say = window.warmonitorApi.say;

  var bulk = document.getElementById("bulk");
  if (bulk && bulk.elements.action) {
    var all = bulk.querySelector("[data-all]");
    if (all) all.addEventListener("change", function () {
      bulk.querySelectorAll('input[name="claim"]').forEach(function (box) { box.checked = all.checked; });
    });
    bulk.addEventListener("submit", function (event) {
      event.preventDefault();
      var claims = Array.prototype.map.call(bulk.querySelectorAll('input[name="claim"]:checked'), function (b) { return b.value; });
      if (!claims.length) { say(bulk, "Tick at least one claim."); return; }
      say(bulk, "Saving…");
      send(bulk.getAttribute("data-api"), { claims: claims, action: bulk.elements.action.value, reason: bulk.elements.reason.value })
        .then(function (done) { say(bulk, done.length + " claims reviewed."); window.location.reload(); })
        .catch(function (e) { say(bulk, "Not saved: " + e.message); });
    });
  }

  var form = document.getElementById("correct");
  if (!form) return;
  var claim = form.getAttribute("data-claim");
  function changed(name) {
    var field = form.elements[name];
    return field.value.trim() !== (field.getAttribute("data-original") || "");
  }
  function value(name) { return form.elements[name].value.trim(); }
  function number(name) { var v = value(name); return v === "" ? null : Number(v); }
  function correction() {
    var out = {};
    if (changed("low") || changed("high")) {
      var low = number("low"), high = number("high");
      out.count = { low: low, high: high, approximate: false,
        text: high === null ? "at least " + low : (high === low ? String(low) : low + " to " + high) };
      out.count.stated = null;
    }
    if (changed("outcome")) out.outcome = value("outcome");
    if (changed("group")) out.victims = { group: value("group") };
    if (changed("claimant") || changed("kind")) out.claimant = { name: value("claimant") || null, kind: value("kind") };
    if (["place", "country", "lat", "lon", "precision"].some(changed)) {
      out.place = value("place") ? { name: value("place"), country: value("country").toUpperCase() || null,
        lat: number("lat"), lon: number("lon"), precision: value("precision"), text: value("place") } : null;
    }
    if (changed("start") || changed("end")) {
      out.period = value("start") || value("end") ? { start: value("start") || null, end: value("end") || null, text: "" } : null;
    }
    return out;
  }
  var pressed = "correct";
  form.querySelectorAll('button[name="do"]').forEach(function (b) {
    b.addEventListener("click", function () { pressed = b.value; });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var reason = value("reason");
    var body = { action: pressed, reason: reason };
    var moving = changed("incident") && value("incident");
    if (pressed === "correct") {
      body.correction = correction();
      if (!Object.keys(body.correction).length && !moving) { say(form, "Nothing was changed."); return; }
    }
    say(form, "Saving…");
    var review = pressed !== "correct" || Object.keys(body.correction).length
      ? send("/api/claims/" + encodeURIComponent(claim) + "/reviews", body) : Promise.resolve(null);
    review.then(function () {
      if (pressed === "correct" && moving) {
        return send("/api/claims/" + encodeURIComponent(claim) + "/move", { incident: value("incident"), reason: reason });
      }
      return null;
    }).then(function () { say(form, "Saved."); window.location.reload(); })
      .catch(function (e) { say(form, "Not saved: " + e.message); });
  });
})();
