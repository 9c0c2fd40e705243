package io.partnerflow.engine.api;

import io.partnerflow.engine.problem.EngineException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any /v2 path no controller serves: a problem detail naming it, rather than an HTML or empty 404,
 * so a client call to an endpoint the engine lacks is obvious.
 */
@RestController
class FallbackController {

  @RequestMapping("/v2/**")
  void unknown(HttpServletRequest request) {
    throw EngineException.notFound(
        "The embedded engine does not serve %s %s"
            .formatted(request.getMethod(), request.getRequestURI()));
  }
}
