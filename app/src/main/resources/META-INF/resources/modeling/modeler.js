// Connector between the model editor view and the vendored bpmn.io modelers (see vendor.lock).
// The server calls these functions with executeJs; the host element holds the modeler instance.
(function () {
  'use strict';

  const VENDOR = 'vendor/';

  function vendorUrl(path) {
    return new URL(VENDOR + path, document.baseURI).href;
  }

  // the modeler scripts are added to the page by the view; wait until they have run
  function waitFor(name) {
    return new Promise(function (resolve, reject) {
      const started = Date.now();
      (function check() {
        if (window[name]) {
          resolve(window[name]);
        } else if (Date.now() - started > 30000) {
          reject(new Error(name + ' did not load'));
        } else {
          setTimeout(check, 25);
        }
      })();
    });
  }

  // bpmn-js-i18n ships one ES module per language; Chinese is "zn"
  async function translations(language) {
    if (!language || !language.toLowerCase().startsWith('zh')) {
      return null;
    }
    return (await import(vendorUrl('bpmn-js-i18n/2.3.0/translations/zn.js'))).default;
  }

  function translator(table) {
    return function translate(template, replacements) {
      replacements = replacements || {};
      template = table[template] || template;
      return template.replace(/{([^}]+)}/g, function (_, key) {
        return replacements[key] !== undefined ? replacements[key] : '{' + key + '}';
      });
    };
  }

  /**
   * Fits the whole diagram into the canvas right of the palette: bpmn-js's 'fit-viewport' uses the
   * full width, so the palette would cover the start of the process.
   */
  function fitBesidePalette(canvasService, container) {
    canvasService.zoom('fit-viewport');
    const palette = container.querySelector('.djs-palette');
    const box = canvasService.viewbox();
    if (!palette || box.inner.width === 0 || box.inner.height === 0) {
      return;
    }
    const room =
      palette.getBoundingClientRect().right - container.getBoundingClientRect().left + 16;
    const scale = Math.min(
      1,
      (box.outer.width - room) / box.inner.width,
      box.outer.height / box.inner.height
    );
    const height = box.outer.height / scale;
    canvasService.viewbox({
      x: box.inner.x - room / scale,
      y: box.inner.y - (height - box.inner.height) / 2,
      width: box.outer.width / scale,
      height: height
    });
  }

  function clearMarkers(host) {
    const modeler = host.modeler;
    if (!modeler || !host.markers) {
      return;
    }
    const canvas = modeler.get('canvas');
    host.markers.forEach(function (m) {
      canvas.removeMarker(m.id, m.marker);
    });
    modeler.get('overlays').remove({ type: 'pf-problem' });
    host.markers = [];
  }

  function mark(modeler, host, id, marker) {
    if (!modeler.get('elementRegistry').get(id)) {
      return false;
    }
    modeler.get('canvas').addMarker(id, marker);
    host.markers.push({ id: id, marker: marker });
    return true;
  }

  window.partnerflowModeler = {
    /** Creates the modeler in the host and shows the model; resolves to ms spent. */
    create: async function (host, kind, xml, language) {
      const started = performance.now();
      const canvas = host.querySelector('.pf-canvas');
      const panel = host.querySelector('.pf-properties');
      if (host.modeler) {
        host.modeler.destroy();
      }
      if (kind === 'PROCESS') {
        const BpmnModeler = await waitFor('BpmnModeler');
        const table = await translations(language);
        host.modeler = new BpmnModeler({
          container: canvas,
          propertiesPanel: { parent: panel },
          additionalModules: table ? [{ translate: ['value', translator(table)] }] : []
        });
      } else if (kind === 'FORM') {
        const FormEditor = await waitFor('FormEditor');
        host.modeler = new FormEditor.FormEditor({
          container: canvas,
          propertiesPanel: { parent: panel }
        });
        host.markers = [];
        await host.modeler.importSchema(JSON.parse(xml));
        host.setAttribute('data-rendered-at', String(Math.round(performance.now())));
        return Math.round(performance.now() - started);
      } else {
        const DmnModeler = await waitFor('DmnModeler');
        host.modeler = new DmnModeler({
          container: canvas,
          drd: { propertiesPanel: { parent: panel } }
        });
      }
      host.markers = [];
      await host.modeler.importXML(xml);
      if (kind === 'PROCESS') {
        fitBesidePalette(host.modeler.get('canvas'), canvas);
      }
      host.setAttribute('data-rendered-at', String(Math.round(performance.now())));
      return Math.round(performance.now() - started);
    },

    /** The model as edited now. */
    xml: async function (host) {
      if (host.modeler.saveSchema) {
        return JSON.stringify(host.modeler.saveSchema(), null, 2);
      }
      const result = await host.modeler.saveXML({ format: true });
      return result.xml;
    },

    /** Marks the elements with problems; returns the ids found on the diagram. */
    markProblems: function (host, problems) {
      clearMarkers(host);
      const modeler = host.modeler;
      if (!modeler || !modeler.get || modeler.saveSchema || !problems.length) {
        return [];
      }
      let overlays;
      try {
        overlays = modeler.get('overlays');
      } catch (e) {
        return []; // the DMN modeler's table views have no canvas
      }
      const found = [];
      problems.forEach(function (problem) {
        if (problem.id && mark(modeler, host, problem.id, 'pf-problem')) {
          const badge = document.createElement('div');
          badge.className = 'pf-problem-badge';
          badge.title = problem.message;
          badge.textContent = '!';
          overlays.add(problem.id, 'pf-problem', { position: { top: -10, right: 10 }, html: badge });
          found.push(problem.id);
        }
      });
      return found;
    },

    /** Saves the edited model as a file on the operator's computer. */
    download: async function (host, fileName) {
      const xml = await window.partnerflowModeler.xml(host);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([xml], { type: 'application/octet-stream' }));
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () {
        URL.revokeObjectURL(link.href);
        link.remove();
      }, 1000);
    },

    /**
     * Shows the newer version in the container and marks what changed since the older one
     * (bpmn-js-differ): added green, changed orange, moved blue. Resolves to the ids by change.
     */
    diff: async function (container, olderXml, newerXml) {
      const BpmnModeler = await waitFor('BpmnModeler');
      const { diff } = await import(vendorUrl('bpmn-js-differ/3.2.0/dist/index.esm.js'));
      const older = new BpmnModeler();
      await older.importXML(olderXml);
      if (container.viewer) {
        container.viewer.destroy();
      }
      const newer = new BpmnModeler({ container: container });
      container.viewer = newer;
      await newer.importXML(newerXml);
      newer.get('canvas').zoom('fit-viewport');
      const changes = diff(older.getDefinitions(), newer.getDefinitions());
      older.destroy();
      const canvas = newer.get('canvas');
      const registry = newer.get('elementRegistry');
      function markAll(ids, marker) {
        ids.forEach(function (id) {
          if (registry.get(id)) {
            canvas.addMarker(id, marker);
          }
        });
      }
      const result = {
        added: Object.keys(changes._added),
        removed: Object.keys(changes._removed),
        changed: Object.keys(changes._changed),
        layoutChanged: Object.keys(changes._layoutChanged)
      };
      markAll(result.added, 'pf-diff-added');
      markAll(result.changed, 'pf-diff-changed');
      markAll(result.layoutChanged, 'pf-diff-layout');
      container.setAttribute('data-diff-done', 'true');
      return JSON.stringify(result);
    }
  };
})();
