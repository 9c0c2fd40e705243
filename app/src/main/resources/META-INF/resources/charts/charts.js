// Connector between the Chart component (base/ui/chart/Chart.java) and the vendored Chart.js.
// The server calls draw/png with executeJs; the host element holds the chart instance.
(function () {
  'use strict';

  // Okabe-Ito: distinguishable for colour-blind readers, readable on light and dark Lumo themes
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

  function waitForChart() {
    return new Promise(function (resolve, reject) {
      const started = Date.now();
      (function check() {
        if (window.Chart) {
          resolve(window.Chart);
        } else if (Date.now() - started > 30000) {
          reject(new Error('Chart.js did not load'));
        } else {
          setTimeout(check, 25);
        }
      })();
    });
  }

  function themeColour(host, name, fallback) {
    const value = getComputedStyle(host).getPropertyValue(name).trim();
    return value || fallback;
  }

  function config(host, data) {
    const text = themeColour(host, '--lumo-secondary-text-color', '#555');
    const grid = themeColour(host, '--lumo-contrast-10pct', 'rgba(0,0,0,0.1)');
    const doughnut = data.kind === 'DOUGHNUT';
    const horizontal = data.kind === 'HORIZONTAL_BAR';
    const datasets = data.series.map(function (series, index) {
      const colour = PALETTE[index % PALETTE.length];
      return {
        label: series.name,
        data: series.values,
        backgroundColor: doughnut ? data.labels.map(function (_, i) { return PALETTE[i % PALETTE.length]; }) : colour,
        borderColor: doughnut ? themeColour(host, '--lumo-base-color', '#fff') : colour,
        borderWidth: data.kind === 'LINE' ? 2 : 1,
        tension: 0.2
      };
    });
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: text,
      plugins: {
        legend: { display: doughnut || data.series.length > 1, labels: { color: text } }
      }
    };
    if (!doughnut) {
      // counts get whole-number ticks (no "1.5 partners"); figures with decimals keep theirs
      const whole = data.series.every(function (series) {
        return series.values.every(function (value) { return value === null || Number.isInteger(value); });
      });
      const axis = { ticks: { color: text }, grid: { color: grid } };
      const values = { beginAtZero: true, ticks: whole ? { color: text, precision: 0 } : { color: text }, grid: { color: grid } };
      options.scales = horizontal
        ? { x: values, y: Object.assign({}, axis) }
        : { x: Object.assign({}, axis), y: values };
      if (horizontal) {
        options.indexAxis = 'y';
      }
    }
    return {
      type: doughnut ? 'doughnut' : (data.kind === 'LINE' ? 'line' : 'bar'),
      data: { labels: data.labels, datasets: datasets },
      options: options
    };
  }

  async function draw(host, data) {
    const Chart = await waitForChart();
    const canvas = host.querySelector('canvas');
    if (host.partnerflowChart) {
      host.partnerflowChart.destroy();
    }
    host.partnerflowChart = new Chart(canvas, config(host, data));
    host.setAttribute('data-drawn', 'true');
  }

  // the canvas is transparent: paint the theme's background under it so the file reads anywhere
  function png(host, fileName) {
    const canvas = host.querySelector('canvas');
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d');
    context.fillStyle = themeColour(host, '--lumo-base-color', '#fff');
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(canvas, 0, 0);
    const link = document.createElement('a');
    link.href = copy.toDataURL('image/png');
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  window.partnerflowCharts = { draw: draw, png: png };
})();
