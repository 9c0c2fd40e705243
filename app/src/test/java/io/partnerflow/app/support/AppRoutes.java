package io.partnerflow.app.support;

import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The app's routes for Karibu-Testing. Karibu's discovery sees public classes only; views are
 * package-private where nothing else needs them, so they are found the way Spring finds them.
 */
public final class AppRoutes {

  private static final String APP = "io.partnerflow.app";

  private AppRoutes() {}

  public static Routes discover() {
    Routes routes = new Routes().autoDiscoverViews(APP);
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
    for (var candidate : scanner.findCandidateComponents(APP)) {
      routes.getRoutes().add(view(candidate.getBeanClassName()));
    }
    return routes;
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Component> view(String className) {
    return (Class<? extends Component>)
        ClassUtils.resolveClassName(className, AppRoutes.class.getClassLoader());
  }
}
