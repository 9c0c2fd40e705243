package io.partnerflow.app.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chart's CSV file: what Excel needs to read it, and nothing a spreadsheet would run. */
class ChartCsvTest {

  private static final ChartData STAGES =
      new ChartData(
          ChartKind.BAR,
          "各阶段用时（天）",
          "stage-times",
          List.of("筛查", "审核"),
          List.of(
              new ChartData.Series("中位数", List.of(0.2, 2.0)),
              new ChartData.Series("第 90 百分位", List.of(0.31, 12.5))));

  @Test
  void shouldStartWithAByteOrderMarkAndKeepChineseInUtf8() {
    byte[] csv = ChartCsv.of(STAGES, "类别");

    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))
        .isEqualTo("类别,中位数,第 90 百分位\r\n筛查,0.2,0.31\r\n审核,2,12.5\r\n");
  }

  @Test
  void shouldQuoteSeparatorsAndDisarmFormulas() {
    ChartData partners =
        new ChartData(
            ChartKind.HORIZONTAL_BAR,
            "Partners",
            "partners",
            List.of("=HYPERLINK(\"x\")", "Smith, Jones & Co", "+1 Partners"),
            List.of(new ChartData.Series("Partners", List.of(1.0, 2.0, 3.0))));

    String csv = new String(ChartCsv.of(partners, "Country"), StandardCharsets.UTF_8).substring(1);

    assertThat(csv.split("\r\n"))
        .containsExactly(
            "Country,Partners",
            "\"'=HYPERLINK(\"\"x\"\")\",1",
            "\"Smith, Jones & Co\",2",
            "\"'+1 Partners\",3");
  }

  @Test
  void shouldRefuseASeriesThatDoesNotMatchTheLabels() {
    assertThatThrownBy(
            () ->
                new ChartData(
                    ChartKind.BAR,
                    "t",
                    "f",
                    List.of("a", "b"),
                    List.of(new ChartData.Series("s", List.of(1.0)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldCallAChartOfZerosEmpty() {
    assertThat(STAGES.empty()).isFalse();
    assertThat(
            new ChartData(
                    ChartKind.BAR,
                    "t",
                    "f",
                    List.of("a"),
                    List.of(new ChartData.Series("s", List.of(0.0))))
                .empty())
        .isTrue();
  }
}
