package io.partnerflow.engine.state;

import java.util.regex.Pattern;

/**
 * The API's {@code $like} patterns, the one translator every search uses: {@code *} any characters,
 * {@code ?} one character, a backslash makes the next character literal; everything else is literal
 * (SQL's {@code %} and {@code _}, regular-expression characters such as {@code (}).
 */
public final class LikePattern {

  private LikePattern() {}

  /** A SQL LIKE pattern escaped with backslash (use with {@code ESCAPE '\'}). */
  public static String toSql(String pattern) {
    StringBuilder like = new StringBuilder();
    translate(
        pattern,
        new Sink() {
          @Override
          public void literal(char c) {
            if (c == '%' || c == '_' || c == '\\') {
              like.append('\\');
            }
            like.append(c);
          }

          @Override
          public void anyRun() {
            like.append('%');
          }

          @Override
          public void anyOne() {
            like.append('_');
          }
        });
    return like.toString();
  }

  /** The same pattern as a Java regular expression, for values matched in memory. */
  public static Pattern toRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    translate(
        pattern,
        new Sink() {
          @Override
          public void literal(char c) {
            regex.append(Pattern.quote(String.valueOf(c)));
          }

          @Override
          public void anyRun() {
            regex.append(".*");
          }

          @Override
          public void anyOne() {
            regex.append('.');
          }
        });
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private interface Sink {
    void literal(char c);

    void anyRun();

    void anyOne();
  }

  private static void translate(String pattern, Sink sink) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        sink.literal(pattern.charAt(++i));
      } else if (c == '*') {
        sink.anyRun();
      } else if (c == '?') {
        sink.anyOne();
      } else {
        sink.literal(c);
      }
    }
  }
}
