// The map: the bundled Natural Earth countries (world-atlas) drawn as SVG with d3-geo, the
// incidents of the page as circles sized by their best estimate (area proportional), dashed
// when their place is known only to a district, province, region or country. Each circle is a
// link to its incident, reachable with Tab. Nothing is fetched from another host.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COARSE = { district: 1, admin1: 1, region: 1, country: 1 };
  function el(name, attrs) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function draw(box, world, points, words) {
    var width = box.clientWidth || 960, height = box.clientHeight || 540;
    var countries = topojson.feature(world, world.objects.countries);
    var projection = d3.geoEquirectangular();
    if (points.length) {  // the points' box, padded: at least 4 degrees around one point
      var lons = points.map(function (p) { return p.lon; }), lats = points.map(function (p) { return p.lat; });
      var w = Math.min.apply(null, lons), e = Math.max.apply(null, lons);
      var s = Math.min.apply(null, lats), n = Math.max.apply(null, lats);
      var pad = Math.max(2, 0.1 * Math.max(e - w, n - s));
      var box4 = [[w - pad, s - pad], [e + pad, n + pad]];
      projection.fitExtent([[10, 10], [width - 10, height - 10]], { type: "MultiPoint", coordinates: box4 });
    } else {
      projection.fitSize([width, height], { type: "Sphere" });
    }
    var path = d3.geoPath(projection);
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, "aria-hidden": "false" });
    var land = el("g");
    countries.features.forEach(function (f) {
      var d = path(f);
      if (!d) return;
      var shape = el("path", { d: d, "class": "country" });
      var title = el("title"); title.textContent = (f.properties && f.properties.name) || "";
      shape.appendChild(title);
      land.appendChild(shape);
    });
    svg.appendChild(land);
    var top = points.reduce(function (m, p) { return Math.max(m, p.best); }, 1);
    var dots = el("g");
    points.forEach(function (p) {
      var at = projection([p.lon, p.lat]);
      if (!at) return;
      var r = 3 + 22 * Math.sqrt(p.best / top);
      var href = "/incidents/" + encodeURIComponent(p.id);
      var link = el("a", { href: href });
      link.setAttributeNS("http://www.w3.org/1999/xlink", "href", href);
      var dot = el("circle", { cx: at[0].toFixed(1), cy: at[1].toFixed(1), r: r.toFixed(1), "class": "pt " + (COARSE[p.precision] ? "pt-coarse" : "pt-exact") });
      var title = el("title");
      title.textContent = p.label + ": best " + p.best.toLocaleString("en") + " (geocoded to " + (words[p.precision] || p.precision) + ")";
      dot.appendChild(title);
      link.appendChild(dot);
      dots.appendChild(link);
    });
    svg.appendChild(dots);
    box.replaceChildren(svg);
  }
  function start() {
    var box = document.getElementById("map");
    var data = document.getElementById("map-data");
    var named = document.getElementById("map-words");
    if (!box || !data || !window.d3 || !window.topojson) return;
    var points = JSON.parse(data.textContent);  // [{id, label, lat, lon, best, precision}]
    var words = named ? JSON.parse(named.textContent) : {};  // the precisions' words
    fetch(box.getAttribute("data-basemap"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (world) { draw(box, world, points, words); })
      .catch(function (e) { box.textContent = "The basemap could not be loaded (" + e.message + "); the incidents are listed below."; });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
