package io.partnerflow.engine.api;

import io.partnerflow.engine.command.DeleteResourceCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /v2/resources: deleting a deployed process definition, decision requirements graph or form. */
@RestController
@RequestMapping("/v2/resources")
class ResourceController {

  private final DeleteResourceCommand delete;

  ResourceController(DeleteResourceCommand delete) {
    this.delete = delete;
  }

  /** The body ({@code operationReference}) is optional and not used; 200 without content. */
  @PostMapping("/{key}/deletion")
  ResponseEntity<Void> delete(@PathVariable long key, @RequestBody(required = false) String body) {
    delete.execute(key);
    return ResponseEntity.ok().build();
  }
}
