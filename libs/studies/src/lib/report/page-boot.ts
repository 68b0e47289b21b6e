/**
 * The boot script of a report page, its only JavaScript besides the Vega runtime. The page
 * carries the runtime and the compiled Vega specifications (`[{ id, spec }]`) packed (see
 * `page-packing.ts`) in the data blocks `ratecut-vega` and `ratecut-specs`; the script unpacks
 * both with the browser's `DecompressionStream` (Chrome and Edge 80+, Firefox 113+, Safari
 * 16.4+; without it every chart container says so), runs the runtime, and draws the charts one
 * after the other, in page order, each as an SVG into its container `#<id>` with
 * `new vega.View(vega.parse(spec), { renderer: 'svg', container, hover: true })`. Between two
 * charts it yields to the browser (`setTimeout`), so the first chart is on screen before the
 * next is parsed. It sets:
 * - `window.__ratecutDrawnAt`: for each chart drawn, `performance.now()` when it was drawn (ms);
 * - `window.__ratecutRendered`: 0, then the number of charts drawn once every chart was tried;
 * - `window.__ratecutError`: the first error (the other charts are still drawn), also logged
 *   with `console.error`.
 *
 * Tooltips replace vega-embed's: Vega calls the handler set with `view.tooltip` with the
 * hovered item's tooltip value (Vega-Lite's `tooltip` encoding gives an object of title → value);
 * it is shown as a two-column list in one fixed-position `div.ratecut-tooltip` next to the
 * pointer, moved to the pointer's other side near the window's edges, and hidden when the
 * value is empty. Text only (`textContent`), never HTML. Written in plain ES2017 as a string so
 * that it is the same bytes whether the page is built from the sources or from the compiled CLI.
 */
export const PAGE_BOOT = `
(function () {
  'use strict';
  var charts = [];
  window.__ratecutRendered = 0;
  window.__ratecutDrawnAt = [];
  var tip = null;
  function place(event) {
    var pad = 14, w = tip.offsetWidth, h = tip.offsetHeight;
    var x = event.clientX + pad, y = event.clientY + pad;
    if (x + w > window.innerWidth - 4) x = Math.max(4, event.clientX - pad - w);
    if (y + h > window.innerHeight - 4) y = Math.max(4, event.clientY - pad - h);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  function tooltip(handler, event, item, value) {
    if (tip === null) {
      tip = document.createElement('div');
      tip.className = 'ratecut-tooltip';
      tip.setAttribute('role', 'tooltip');
      document.body.appendChild(tip);
    }
    if (value === null || value === undefined || value === '' || event === undefined || event === null) {
      tip.style.display = 'none';
      return;
    }
    tip.textContent = '';
    if (typeof value === 'object' && !Array.isArray(value)) {
      var list = document.createElement('dl');
      Object.keys(value).forEach(function (key) {
        var dt = document.createElement('dt'), dd = document.createElement('dd');
        dt.textContent = key;
        dd.textContent = value[key] === null || value[key] === undefined ? 'n/a' : String(value[key]);
        list.appendChild(dt);
        list.appendChild(dd);
      });
      tip.appendChild(list);
    } else {
      tip.textContent = Array.isArray(value) ? value.join(', ') : String(value);
    }
    tip.style.display = 'block';
    place(event);
  }
  function report(message) {
    if (window.__ratecutError === undefined) window.__ratecutError = message;
    console.error('ratecut report: ' + message);
  }
  function failed(chart, e) {
    report('chart ' + chart.id + ' failed to render: ' + (e && e.message ? e.message : String(e)));
  }
  function unpack(id) {
    var text = atob(document.getElementById(id).textContent);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }
  var next = 0, drawn = 0;
  function drawNext() {
    if (next === charts.length) {
      window.__ratecutRendered = drawn;
      return;
    }
    var chart = charts[next++];
    var view;
    try {
      view = new vega.View(vega.parse(chart.spec), { renderer: 'svg', container: '#' + chart.id, hover: true });
      view.tooltip(tooltip);
    } catch (e) {
      failed(chart, e);
      setTimeout(drawNext, 0);
      return;
    }
    view.runAsync().then(function () {
      drawn += 1;
      window.__ratecutDrawnAt.push(performance.now());
    }, function (e) {
      failed(chart, e);
    }).then(function () {
      setTimeout(drawNext, 0);
    });
  }
  if (typeof DecompressionStream === 'undefined') {
    Array.prototype.forEach.call(document.querySelectorAll('div.chart'), function (div) {
      div.textContent = 'This browser cannot unpack the charts (it lacks DecompressionStream: Chrome or Edge 80+, Firefox 113+, Safari 16.4+ can).';
    });
    report('this browser lacks DecompressionStream; no chart drawn');
    return;
  }
  Promise.all([unpack('ratecut-vega'), unpack('ratecut-specs')]).then(function (texts) {
    var runtime = document.createElement('script');
    runtime.textContent = texts[0] + '\\n//# sourceURL=vega.min.js';
    document.head.appendChild(runtime);
    charts = JSON.parse(texts[1]);
    drawNext();
  }, function (e) {
    report('the charts could not be unpacked: ' + (e && e.message ? e.message : String(e)));
  });
})();
`;
