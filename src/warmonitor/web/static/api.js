// The desk's writes through the API: a POST with the session's CSRF token (from
// <meta name="csrf-token">) in X-CSRF-Token, its error detail as an Error's message; and a
// form's status line. Shared by review.js and decisions.js (loaded before them).
(function () {
  "use strict";
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  function send(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) {
          var detail = data.detail;
          if (Array.isArray(detail)) detail = detail.map(function (d) { return (d.loc || []).slice(-1)[0] + ": " + d.msg; }).join("; ");
          throw new Error(detail || ("the server answered " + r.status));
        }
        return data;
      });
    });
  }
  function say(form, text) { form.elements.status.value = text; }
  window.warmonitorApi = { send: send, say: say };
})();
