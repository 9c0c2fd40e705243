package io.partnerflow.app.form.ui;

import static io.partnerflow.app.form.ui.FormRendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import io.partnerflow.app.form.FormFileRef;
import io.partnerflow.app.form.FormFileRefusedException;
import io.partnerflow.app.form.FormUploads;
import io.partnerflow.app.form.ValidationMessages;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The components added for issue 15 item 7, each with the tampering it must withstand. */
class NewComponentsRenderingTest {

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  @Test
  void shouldShowHtmlWithoutScriptEventHandlersOrJavascriptUrls() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "html", "id": "Html_1", "content":
              "<p onclick=\\"steal()\\">Hello <b>partner</b></p><script>steal()</script><img src=x onerror=steal()><a href=\\"javascript:steal()\\">x</a><a href=\\"https://partnerflow.io/help\\">help</a><iframe src=\\"https://evil.example\\"></iframe>"}]
            """,
            Map.of());

    // when
    String html = htmlOf(form);

    // then
    assertThat(html).contains("<b>partner</b>").contains("https://partnerflow.io/help");
    assertThat(html.toLowerCase())
        .doesNotContain("<script")
        .doesNotContain("onclick")
        .doesNotContain("onerror")
        .doesNotContain("javascript:")
        .doesNotContain("<iframe");
  }

  @Test
  void shouldSanitiseHtmlThatAFeelExpressionBuildsFromEnteredValues() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "textfield", "key": "name"},
             {"type": "html", "id": "Html_2", "content": "=\\"<p>Hi \\" + name + \\"</p>\\""}]
            """,
            Map.of("name", "Ada"));

    // when
    form.setValue("name", "<b>Grace</b><img src=x onerror=alert(1)>");

    // then
    assertThat(htmlOf(form)).contains("<p>Hi <b>Grace</b>").doesNotContain("onerror");
  }

  @Test
  void shouldShowImagesFromThisSiteOrEmbeddedButNotFromElsewhere() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "image", "id": "Own", "source": "/images/logo.png", "alt": "Logo"},
             {"type": "image", "id": "Data", "source": "data:image/png;base64,iVBORw0KGgo="},
             {"type": "image", "id": "Tracker", "source": "https://tracker.example/pixel.png"},
             {"type": "image", "id": "ProtocolRelative", "source": "//tracker.example/pixel.png"},
             {"type": "image", "id": "Svg", "source": "data:image/svg+xml;base64,PHN2Zz4="},
             {"type": "image", "id": "Script", "source": "=\\"javascript:alert(1)\\""}]
            """,
            Map.of());

    // when
    List<Image> images = descendants(form, Image.class).toList();

    // then
    assertThat(images)
        .extracting(Image::getSrc)
        .containsExactly("/images/logo.png", "data:image/png;base64,iVBORw0KGgo=");
    assertThat(descendants(form, Span.class).filter(span -> span.hasClassName("form-blocked")))
        .hasSize(4);
  }

  @Test
  void shouldFrameOnlyHostsOnTheAllowList() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "iframe", "id": "Video", "label": "Welcome video",
              "url": "https://www.youtube-nocookie.com/embed/abc", "height": 200},
             {"type": "iframe", "id": "Phish", "url": "https://evil.example/login"},
             {"type": "iframe", "id": "Plain", "url": "http://www.youtube-nocookie.com/embed/abc"},
             {"type": "iframe", "id": "Userinfo", "url": "https://www.youtube-nocookie.com@evil.example/"},
             {"type": "iframe", "id": "Script", "url": "javascript:alert(1)"}]
            """,
            Map.of());

    // when
    List<IFrame> frames = descendants(form, IFrame.class).toList();
    List<String> notices =
        descendants(form, Span.class)
            .filter(span -> span.hasClassName("form-blocked"))
            .map(Span::getText)
            .toList();

    // then
    assertThat(frames)
        .singleElement()
        .satisfies(
            frame -> {
              assertThat(frame.getSrc()).isEqualTo("https://www.youtube-nocookie.com/embed/abc");
              assertThat(frame.getElement().getAttribute("sandbox"))
                  .doesNotContain("allow-top-navigation");
              assertThat(frame.getElement().getAttribute("referrerpolicy"))
                  .isEqualTo("no-referrer");
            });
    assertThat(notices).hasSize(4).anySatisfy(text -> assertThat(text).contains("evil.example"));
  }

  @Test
  void shouldShowATableFromAVariableWithTheSchemasColumnsAsText() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "table", "id": "Orders", "label": "Orders", "dataSource": "orders",
              "columns": [{"label": "Product", "key": "product"}, {"label": "Amount", "key": "amount"}]}]
            """,
            Map.of(
                "orders",
                List.of(
                    Map.of("product", "<b>Licence</b>", "amount", 3, "secret", "hidden"),
                    Map.of("product", "Support"))));

    // when
    @SuppressWarnings("unchecked")
    Grid<Map<?, ?>> grid = descendants(form, Grid.class).findFirst().orElseThrow();

    // then
    assertThat(grid.getColumns())
        .extracting(Grid.Column::getHeaderText)
        .containsExactly("Product", "Amount");
    assertThat(grid.getGenericDataView().getItems().toList()).hasSize(2);
    assertThat(form.values()).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldAddAndRemoveEntriesOfADynamicListWithinItsLimits() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "dynamiclist", "path": "contacts", "label": "Contacts", "minItems": 1, "maxItems": 2,
              "components": [
                {"type": "textfield", "key": "name", "validate": {"required": true}},
                {"type": "textfield", "key": "email", "validate": {"validationType": "email"}}]}]
            """,
            Map.of("contacts", List.of(Map.of("name", "Ada", "email", "ada@example.com"))));
    Button add = button(form, "form-list-add-contacts");

    // when
    add.click();
    TextField secondName = textField(form, "form-field-contacts-1-name");
    secondName.setValue("Grace");

    // then: the maximum reached, no more adding
    assertThat(add.isVisible()).isFalse();
    assertThat((List<Object>) form.values().get("contacts"))
        .containsExactly(Map.of("name", "Ada", "email", "ada@example.com"), entry("Grace", null));

    // when: the second entry removed, the first cannot be (minItems 1)
    removeButtons(form).get(1).click();

    // then
    assertThat(removeButtons(form))
        .singleElement()
        .satisfies(b -> assertThat(b.isVisible()).isFalse());
    assertThat(form.submit())
        .contains(Map.of("contacts", List.of(Map.of("name", "Ada", "email", "ada@example.com"))));
  }

  @Test
  void shouldShowAnEntrysErrorOnTheDynamicList() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "dynamiclist", "path": "contacts", "defaultRepetitions": 1,
              "components": [{"type": "textfield", "key": "name", "validate": {"required": true}}]}]
            """,
            Map.of());

    // when
    Optional<Map<String, Object>> submitted = form.submit();

    // then
    assertThat(submitted).isEmpty();
    assertThat(descendants(form, Span.class).filter(s -> s.hasClassName("form-dynamiclist-error")))
        .singleElement()
        .satisfies(error -> assertThat(error.getText()).isEqualTo("Please fill in this field."));
  }

  @Test
  void shouldKeepOnlyTheReferenceOfAnUploadedFileAndOfferItForDownload() {
    // given
    InMemoryUploads uploads = new InMemoryUploads(1024);
    RenderedForm form =
        render(
            "[{\"type\": \"filepicker\", \"key\": \"document\", \"label\": \"Document\"}]",
            Map.of(),
            uploads);

    // when
    picker(form).receive("offer.pdf", "%PDF-1.7 offer".getBytes(StandardCharsets.US_ASCII));

    // then
    String reference = (String) form.values().get("document");
    assertThat(FormFileRef.isReference(reference)).isTrue();
    assertThat(uploads.stored).containsKey(reference);
    assertThat(descendants(form, Anchor.class))
        .singleElement()
        .satisfies(link -> assertThat(link.getText()).isEqualTo("Download offer.pdf (1 KB)"));
    assertThat(form.submit()).contains(Map.of("document", reference));
  }

  @Test
  void shouldShowTheRefusalOfAnUploadOnTheFieldAndKeepNoValue() {
    // given
    InMemoryUploads uploads = new InMemoryUploads(4);
    RenderedForm form =
        render(
            "[{\"type\": \"filepicker\", \"key\": \"document\", \"validate\": {\"required\": true}}]",
            Map.of(),
            uploads);

    // when
    picker(form).receive("big.pdf", new byte[] {'%', 'P', 'D', 'F', '-', '1'});

    // then
    assertThat(form.values().get("document")).isNull();
    assertThat(descendants(form, Span.class).filter(s -> s.hasClassName("form-filepicker-error")))
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.getText())
                    .isEqualTo("The file is larger than 1 MB. Please upload a smaller file."));
    assertThat(form.submit()).isEmpty();
  }

  @Test
  void shouldShowAFileOfAnEarlierTaskReadOnlyWithoutUploadButton() {
    // given
    InMemoryUploads uploads = new InMemoryUploads(1024);
    FormFileRef earlier = uploads.store("notes.txt", "call notes".getBytes(StandardCharsets.UTF_8));

    // when
    RenderedForm form =
        render(
            "[{\"type\": \"filepicker\", \"key\": \"document\", \"readonly\": true}]",
            Map.of("document", earlier.reference()),
            uploads);

    // then
    assertThat(descendants(form, Upload.class))
        .singleElement()
        .satisfies(u -> assertThat(u.isVisible()).isFalse());
    assertThat(descendants(form, Anchor.class))
        .singleElement()
        .satisfies(link -> assertThat(link.getText()).contains("notes.txt"));
    assertThat(form.values()).isEmpty();
  }

  private static Map<String, Object> entry(String name, String email) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("name", name);
    entry.put("email", email);
    return entry;
  }

  private static FilePickerFactory.FilePickerElement picker(RenderedForm form) {
    return (FilePickerFactory.FilePickerElement) form.element("document").orElseThrow();
  }

  private static String htmlOf(RenderedForm form) {
    return descendants(form, Html.class).findFirst().orElseThrow().getInnerHtml();
  }

  private static List<Button> removeButtons(RenderedForm form) {
    return descendants(form, Button.class)
        .filter(button -> "Remove entry".equals(button.getText()))
        .toList();
  }

  private static Button button(RenderedForm form, String id) {
    return descendants(form, Button.class)
        .filter(button -> id.equals(button.getId().orElse(null)))
        .findFirst()
        .orElseThrow();
  }

  private static TextField textField(RenderedForm form, String id) {
    return descendants(form, TextField.class)
        .filter(field -> id.equals(field.getId().orElse(null)))
        .findFirst()
        .orElseThrow();
  }

  /** Visible or not (Karibu's locator finds visible components only). */
  private static <T extends Component> Stream<T> descendants(Component root, Class<T> type) {
    return all(root).filter(type::isInstance).map(type::cast);
  }

  private static Stream<Component> all(Component root) {
    return Stream.concat(
        Stream.of(root), root.getChildren().flatMap(NewComponentsRenderingTest::all));
  }

  /** Keeps files in a map; refuses any file larger than {@code maxBytes}, as the server would. */
  static final class InMemoryUploads implements FormUploads {

    final Map<String, FormFileRef> stored = new HashMap<>();
    private final long maxBytes;

    InMemoryUploads(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public FormFileRef store(String fileName, byte[] content) {
      if (content.length > maxBytes) {
        throw new FormFileRefusedException(ValidationMessages.FILE_TOO_LARGE, 1);
      }
      FormFileRef ref =
          new FormFileRef(
              UUID.randomUUID().toString(), fileName, "application/pdf", content.length);
      stored.put(ref.reference(), ref);
      return ref;
    }

    @Override
    public Optional<FormFileRef> find(String reference) {
      return Optional.ofNullable(stored.get(reference));
    }

    @Override
    public byte[] content(String reference) {
      return new byte[0];
    }

    @Override
    public long maxBytes() {
      return maxBytes;
    }
  }
}
