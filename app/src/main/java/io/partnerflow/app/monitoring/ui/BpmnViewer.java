package io.partnerflow.app.monitoring.ui;

import com.vaadin.flow.component.html.Div;
import elemental.json.Json;
import elemental.json.JsonArray;
import io.partnerflow.app.monitoring.DiagramMarkers;
import java.util.List;
import java.util.Set;

/**
 * The bpmn-js viewer (camunda-bpmn-js's navigated viewer, served from /vendor by the build) showing
 * one instance's diagram: completed elements and taken flows green, waiting elements blue, elements
 * with an incident red with a badge. Sets {@code data-rendered} when drawn (tests wait for it) or
 * {@code data-error} with the reason.
 */
public class BpmnViewer extends Div {

  // relative: resolved against the page's base, so it works under any context path
  static final String BASE = "vendor/camunda-bpmn-js/5.35.0/dist/";
  static final String SCRIPT = BASE + "camunda-cloud-navigated-viewer.production.min.js";
  static final String STYLE = BASE + "assets/camunda-cloud-navigated-viewer.css";

  private static final String RENDER =
      """
      const host = this;
      host.removeAttribute('data-rendered');
      const ensureStyle = (href) => {
        if (!document.querySelector(`link[href="${href}"]`)) {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = href;
          document.head.appendChild(link);
        }
      };
      ensureStyle($1);
      if (!document.getElementById('pf-diagram-markers')) {
        const style = document.createElement('style');
        style.id = 'pf-diagram-markers';
        style.textContent = `
          .pf-completed:not(.djs-connection) .djs-visual > :nth-child(1) {
            stroke: #2e7d32 !important; fill: #e8f5e9 !important; }
          .pf-taken .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }
          .pf-active .djs-visual > :nth-child(1) {
            stroke: #1565c0 !important; stroke-width: 4px !important; fill: #e3f2fd !important; }
          .pf-incident .djs-visual > :nth-child(1) {
            stroke: #c62828 !important; stroke-width: 4px !important; fill: #ffebee !important; }
          .pf-incident-badge { background: #c62828; color: #fff; border-radius: 10px;
            padding: 0 7px; font: bold 12px sans-serif; }
          .pf-active-badge { background: #1565c0; color: #fff; border-radius: 10px;
            padding: 0 7px; font: bold 12px sans-serif; }`;
        document.head.appendChild(style);
      }
      const loaded = window.BpmnNavigatedViewer ? Promise.resolve() : new Promise((ok, fail) => {
        let script = document.querySelector('script[data-pf-viewer]');
        if (!script) {
          script = document.createElement('script');
          script.src = $0;
          script.dataset.pfViewer = 'true';
          document.head.appendChild(script);
        }
        script.addEventListener('load', () => ok());
        script.addEventListener('error', () => fail(new Error('viewer script not found')));
      });
      loaded.then(async () => {
        if (host.$viewer) { host.$viewer.destroy(); }
        const viewer = new window.BpmnNavigatedViewer({ container: host });
        host.$viewer = viewer;
        await viewer.importXML($2);
        const canvas = viewer.get('canvas');
        const registry = viewer.get('elementRegistry');
        const overlays = viewer.get('overlays');
        const mark = (ids, marker) => ids.forEach(id => { if (registry.get(id)) canvas.addMarker(id, marker); });
        mark($3, 'pf-completed');
        mark($4, 'pf-taken');
        mark($5, 'pf-active');
        mark($6, 'pf-incident');
        $5.forEach(id => { if (registry.get(id) && !$6.includes(id)) overlays.add(id, 'pf-state',
          { position: { bottom: 12, left: -8 }, html: '<div class="pf-active-badge">●</div>' }); });
        $6.forEach(id => { if (registry.get(id)) overlays.add(id, 'pf-state',
          { position: { bottom: 12, right: 8 }, html: '<div class="pf-incident-badge">!</div>' }); });
        canvas.zoom('fit-viewport', 'auto');
        host.setAttribute('data-rendered', 'true');
      }).catch(error => host.setAttribute('data-error', String(error && error.message || error)));
      """;

  public BpmnViewer() {
    setId("instance-diagram");
    setWidthFull();
    setHeight("420px");
    getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("background", "white");
  }

  public void show(String xml, DiagramMarkers markers) {
    getElement()
        .executeJs(
            RENDER,
            SCRIPT,
            STYLE,
            xml,
            array(markers.completed()),
            array(markers.takenFlows()),
            array(markers.active()),
            array(markers.incidents()));
  }

  private static JsonArray array(Set<String> ids) {
    JsonArray array = Json.createArray();
    List<String> list = List.copyOf(ids);
    for (int i = 0; i < list.size(); i++) {
      array.set(i, list.get(i));
    }
    return array;
  }
}
