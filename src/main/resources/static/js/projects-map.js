/* Maillage: the small map of a project's places, drawn over the shipped world shapes (no tile
   server). Points come from the page (#project-map-data); the places are also listed in the page. */
(function () {
  'use strict';

  /* TopoJSON -> GeoJSON (the world atlas's countries): decode quantized, delta-encoded arcs. */
  function topoFeatures(topology, objectName) {
    var tf = topology.transform;
    var arcs = topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        if (tf) { x += p[0]; y += p[1]; return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]]; }
        return [p[0], p[1]];
      });
    });
    function ring(indexes) {
      var points = [];
      indexes.forEach(function (i, k) {
        var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
        points = points.concat(k === 0 ? a : a.slice(1));
      });
      while (points.length < 4) { points.push(points[0]); }
      return points;
    }
    function polygon(rings) { return rings.map(ring); }
    return topology.objects[objectName].geometries.map(function (g) {
      var geometry = null;
      if (g.type === 'Polygon') { geometry = { type: 'Polygon', coordinates: polygon(g.arcs) }; }
      else if (g.type === 'MultiPolygon') { geometry = { type: 'MultiPolygon', coordinates: g.arcs.map(polygon) }; }
      return { type: 'Feature', id: g.id, properties: g.properties || {}, geometry: geometry };
    }).filter(function (f) { return f.geometry; });
  }

  function init() {
    var element = document.getElementById('project-map');
    var dataElement = document.getElementById('project-map-data');
    if (!element || !dataElement || typeof L === 'undefined') { return; }
    var data = JSON.parse(dataElement.textContent);
    var points = data.points || [];
    var countries = (data.countries || []).map(function (c) { return String(c).replace(/^0+/, ''); });
    if (!points.length) { return; }
    var map = L.map(element, {
      zoomControl: false, attributionControl: false, scrollWheelZoom: false, minZoom: 2, maxZoom: 9, zoomSnap: 0.5
    });
    L.control.zoom({
      zoomInTitle: element.dataset.zoomIn || 'Zoom in', zoomOutTitle: element.dataset.zoomOut || 'Zoom out'
    }).addTo(map);
    var bounds = L.latLngBounds(points.map(function (p) { return [p.lat, p.lon]; }));
    map.fitBounds(bounds.pad(0.5), { maxZoom: 6 });
    fetch(element.dataset.geo).then(function (r) { return r.json(); }).then(function (topology) {
      L.geoJSON({ type: 'FeatureCollection', features: topoFeatures(topology, 'countries') }, {
        style: function (f) {
          var ours = countries.indexOf(String(f.id || '').replace(/^0+/, '')) >= 0;
          return { color: '#ffffff', weight: 0.8, fillColor: ours ? '#8fc7bb' : '#eef2ef', fillOpacity: 1 };
        },
        interactive: false
      }).addTo(map).bringToBack();
    });
    points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], { radius: 8, weight: 2, color: '#ffffff', fillColor: '#b8461b', fillOpacity: 1 })
        .bindTooltip(p.label, { direction: 'top' })
        .addTo(map);
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
