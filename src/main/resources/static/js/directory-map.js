/* Maillage: choropleth maps of the directory, drawn from shipped shapes (no tile server).
   France by département (GeoJSON), the world by country (TopoJSON decoded here).
   Counts come from the page (#map-data); clicking an area opens the filtered search. */
(function () {
  'use strict';

  var RAMP = ['#e6f2ef', '#c2e0d9', '#8fc7bb', '#5aa99a', '#2e8a7a', '#0b5d57'];
  var EMPTY = '#f4f4f1';

  /* TopoJSON -> GeoJSON: decode delta-encoded, quantized arcs and stitch rings. */
  function topoFeatures(topology, objectName) {
    var tf = topology.transform;
    var arcs = topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        if (tf) {
          x += p[0]; y += p[1];
          return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
        }
        return [p[0], p[1]];
      });
    });
    function arc(i) {
      var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      return a;
    }
    function ring(indexes) {
      var points = [];
      indexes.forEach(function (i, k) {
        var a = arc(i);
        points = points.concat(k === 0 ? a : a.slice(1));
      });
      if (points.length < 4) { while (points.length < 4) { points.push(points[0]); } }
      // a ring that crosses the antimeridian (Russia, Fiji) would be drawn across the whole map:
      // move its western half east of 180°
      var east = points.some(function (p) { return p[0] > 150; });
      var west = points.some(function (p) { return p[0] < -150; });
      if (east && west) { points = points.map(function (p) { return p[0] < 0 ? [p[0] + 360, p[1]] : p; }); }
      return points;
    }
    function polygon(rings) { return rings.map(ring); }
    var object = topology.objects[objectName];
    return object.geometries.map(function (g) {
      var geometry = null;
      if (g.type === 'Polygon') { geometry = { type: 'Polygon', coordinates: polygon(g.arcs) }; }
      else if (g.type === 'MultiPolygon') { geometry = { type: 'MultiPolygon', coordinates: g.arcs.map(polygon) }; }
      return { type: 'Feature', id: g.id, properties: g.properties || {}, geometry: geometry };
    }).filter(function (f) { return f.geometry; });
  }

  function colour(count, max) {
    if (!count) { return EMPTY; }
    if (max <= 1) { return RAMP[RAMP.length - 1]; }
    var t = Math.log(count) / Math.log(max);
    return RAMP[Math.min(RAMP.length - 1, Math.max(0, Math.round(t * (RAMP.length - 1))))];
  }

  function draw(element, features, areasByKey, keyOf, max, options) {
    var map = L.map(element, {
      zoomControl: true, attributionControl: false, scrollWheelZoom: false,
      worldCopyJump: false, minZoom: 1, maxZoom: 9, zoomSnap: 0.25
    });
    var layer = L.geoJSON({ type: 'FeatureCollection', features: features }, {
      style: function (feature) {
        var area = areasByKey[keyOf(feature)];
        return { color: '#ffffff', weight: 0.6, fillOpacity: 1, fillColor: colour(area ? area.count : 0, max) };
      },
      onEachFeature: function (feature, l) {
        var area = areasByKey[keyOf(feature)];
        var name = area ? area.label : (feature.properties.nom || feature.properties.name || '');
        l.bindTooltip(name + ' : ' + (area ? area.count.toLocaleString('fr-FR') : '0'), { sticky: true });
        if (area) {
          l.on('click', function () { window.location.href = area.url; });
          l.on('mouseover', function () { l.setStyle({ weight: 2, color: '#1f2a2a' }); });
          l.on('mouseout', function () { layer.resetStyle(l); });
        }
      }
    }).addTo(map);
    if (options && options.bounds) { map.fitBounds(options.bounds); } else { map.fitBounds(layer.getBounds()); }
    return map;
  }

  function legend(element, max) {
    if (!element) { return; }
    var html = '<p class="legend-title">' + (element.dataset.title || '') + '</p><ul>';
    html += '<li><span class="swatch" style="background:' + EMPTY + '"></span>' + (element.dataset.none || '0') + '</li>';
    var steps = RAMP.length;
    var previous = 0;
    if (max <= 1) {
      // with one item at most every counted area gets the darkest colour (see colour()): so does the legend
      element.innerHTML = html + '<li><span class="swatch" style="background:' + RAMP[steps - 1] + '"></span>1</li></ul>';
      return;
    }
    for (var i = 0; i < steps; i++) {
      var upper = max <= 1 ? 1 : Math.max(1, Math.round(Math.pow(max, (i + 0.5) / (steps - 1))));
      if (i === steps - 1) { upper = max; }
      if (upper <= previous) { continue; }
      html += '<li><span class="swatch" style="background:' + RAMP[i] + '"></span>' + (previous + 1) + (upper > previous + 1 ? '–' + upper : '') + '</li>';
      previous = upper;
    }
    element.innerHTML = html + '</ul>';
  }

  function init() {
    if (typeof L === 'undefined') { return; }
    var dataElement = document.getElementById('map-data');
    if (!dataElement) { return; }
    var data = JSON.parse(dataElement.textContent);
    var max = 1;
    var deps = {}, countries = {};
    data.departements.forEach(function (a) { deps[a.key] = a; max = Math.max(max, a.count); });
    data.countries.forEach(function (a) { countries[String(a.key).replace(/^0+/, '')] = a; max = Math.max(max, a.count); });
    legend(document.getElementById('map-legend'), max);

    var france = document.getElementById('map-france');
    if (france) {
      fetch(france.dataset.geo).then(function (r) { return r.json(); }).then(function (geo) {
        // metropolitan France fills the frame; overseas départements are in the table and a zoom away
        draw(france, geo.features, deps, function (f) { return f.properties.code; }, max,
          { bounds: [[41.3, -5.2], [51.1, 9.6]] });
      });
    }
    var world = document.getElementById('map-world');
    if (world) {
      fetch(world.dataset.geo).then(function (r) { return r.json(); }).then(function (topology) {
        var features = topoFeatures(topology, 'countries').filter(function (f) { return f.id !== '010'; });
        draw(world, features, countries, function (f) { return String(f.id || '').replace(/^0+/, ''); }, max,
          { bounds: [[-58, -170], [80, 190]] });
      });
    }
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
