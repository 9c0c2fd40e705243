package io.partnerflow.app.base.ui.chart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A chart's data as CSV: UTF-8 with a byte order mark (so Excel reads Chinese labels), one row per
 * label, one column per series. Text that a spreadsheet would run as a formula is quoted with a
 * leading apostrophe (a partner's name is typed by outsiders).
 */
public final class ChartCsv {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private ChartCsv() {}

  public static byte[] of(ChartData data, String labelHeader) {
    StringBuilder csv = new StringBuilder();
    csv.append(cell(labelHeader));
    for (ChartData.Series series : data.series()) {
      csv.append(',').append(cell(series.name()));
    }
    csv.append("\r\n");
    DecimalFormat number = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    for (int i = 0; i < data.labels().size(); i++) {
      csv.append(cell(data.labels().get(i)));
      for (ChartData.Series series : data.series()) {
        Double value = series.values().get(i);
        csv.append(',').append(value == null ? "" : number.format(value));
      }
      csv.append("\r\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static String cell(String text) {
    String value = text == null ? "" : text;
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")
        || value.startsWith("'")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
