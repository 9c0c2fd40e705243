package io.partnerflow.app.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which sources an {@code image} or {@code iframe} form component may load: never a URL an attacker
 * picks to track who opens a task or to frame a look-alike page.
 */
public final class SafeSources {

  private static final Pattern IMAGE_DATA =
      Pattern.compile("^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]+$");
  private static final Pattern SAME_ORIGIN_PATH = Pattern.compile("^/(?![/\\\\])[^\\s:]*$");

  private SafeSources() {}

  /** An embedded raster image (no SVG, which can carry script) or a path on this site. */
  public static boolean isSafeImage(String source) {
    return source != null
        && (IMAGE_DATA.matcher(source).matches() || SAME_ORIGIN_PATH.matcher(source).matches());
  }

  /** The https URL's host when it is on the allow-list (exact host match, no wildcards). */
  public static Optional<String> allowedFrameHost(String url, Collection<String> allowedHosts) {
    Optional<String> host = host(url);
    return host.filter(
        name ->
            allowedHosts.stream()
                .anyMatch(allowed -> allowed.trim().toLowerCase(Locale.ROOT).equals(name)));
  }

  /** The host of an https URL without user info, or empty for anything else. */
  public static Optional<String> host(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.trim());
      if (!"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      return Optional.of(uri.getHost().toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
