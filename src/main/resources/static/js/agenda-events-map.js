/* Maillage agenda: the map of events (/agenda?vue=carte) and the small map of an event's venue,
   drawn over the shipped départements (no tile server). Events come from the page
   (#agenda-map-data); the same events are listed in the page beside the map. */
(function () {
  'use strict';

  var FRANCE = [[41.3, -5.2], [51.1, 9.6]];

  function base(map, url) {
    if (!url) { return; }
    fetch(url).then(function (r) { return r.json(); }).then(function (geo) {
      L.geoJSON(geo, {
        style: function () { return { color: '#ffffff', weight: 0.8, fillColor: '#e3ece8', fillOpacity: 1 }; },
        interactive: false
      }).addTo(map).bringToBack();
    });
  }

  function newMap(element) {
    var map = L.map(element, {
      zoomControl: false, attributionControl: false, scrollWheelZoom: false, minZoom: 3, maxZoom: 14, zoomSnap: 0.5
    });
    L.control.zoom({
      zoomInTitle: element.dataset.zoomIn || 'Zoom in', zoomOutTitle: element.dataset.zoomOut || 'Zoom out'
    }).addTo(map);
    map.getContainer().style.background = '#f4f7f9';
    return map;
  }

  function text(tag, value, className) {
    var e = document.createElement(tag);
    e.textContent = value;
    if (className) { e.className = className; }
    return e;
  }

  function popup(p, cancelledLabel) {
    var box = document.createElement('div');
    box.className = 'agenda-map-popup';
    var title = document.createElement('p');
    var link = document.createElement('a');
    link.href = p.url;
    link.textContent = p.title;
    if (p.cancelled) { link.style.textDecoration = 'line-through'; }
    title.appendChild(link);
    box.appendChild(title);
    if (p.cancelled) { box.appendChild(text('p', p.cancelled, 'badge badge-cancelled')); }
    box.appendChild(text('p', p.when));
    if (p.place) { box.appendChild(text('p', p.place)); }
    if (p.type) { box.appendChild(text('p', p.type, 'muted')); }
    return box;
  }

  function eventsMap() {
    var element = document.getElementById('agenda-map');
    var dataElement = document.getElementById('agenda-map-data');
    if (!element || !dataElement || element.dataset.ready) { return; }
    element.dataset.ready = '1';
    var points = JSON.parse(dataElement.textContent || '[]');
    var map = newMap(element);
    base(map, element.dataset.geo);
    if (!points.length) { map.fitBounds(FRANCE); return; }
    var bounds = L.latLngBounds(points.map(function (p) { return [p.lat, p.lon]; }));
    points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], {
        radius: 9, weight: 2, color: '#ffffff', fillColor: p.cancelled ? '#6b7378' : '#b8461b', fillOpacity: 1
      }).bindPopup(popup(p)).bindTooltip(p.title, { direction: 'top' }).addTo(map);
    });
    if (points.length === 1) { map.setView(bounds.getCenter(), 7); } else { map.fitBounds(bounds.pad(0.3), { maxZoom: 7 }); }
  }

  function venueMap() {
    var element = document.getElementById('event-map');
    if (!element || element.dataset.ready) { return; }
    element.dataset.ready = '1';
    var lat = parseFloat(element.dataset.lat), lon = parseFloat(element.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) { return; }
    var map = newMap(element);
    base(map, element.dataset.geo);
    map.setView([lat, lon], 6);
    L.circleMarker([lat, lon], { radius: 10, weight: 2, color: '#ffffff', fillColor: '#b8461b', fillOpacity: 1 })
      .bindTooltip(element.dataset.label || '', { direction: 'top' }).addTo(map);
  }

  function init() {
    if (typeof L === 'undefined') { return; }
    eventsMap();
    venueMap();
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
  document.addEventListener('htmx:afterSettle', init);
})();
