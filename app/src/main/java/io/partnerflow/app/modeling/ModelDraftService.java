package io.partnerflow.app.modeling;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Drafts of models, saved from the editor. A save names the draft version it is based on; when
 * somebody else saved meanwhile, nothing is overwritten and the caller is told who.
 */
@Service
@Secured("ROLE_ADMIN")
public class ModelDraftService {

  private final ModelDraftRepository drafts;
  private final ModelPublisher publisher;
  private final Clock clock;

  ModelDraftService(ModelDraftRepository drafts, ModelPublisher publisher, Clock clock) {
    this.drafts = drafts;
    this.publisher = publisher;
    this.clock = clock;
  }

  public Optional<ModelDraft> find(ModelRef ref) {
    return drafts.find(ref);
  }

  /**
   * Saves the content as the model's draft.
   *
   * @param base the draft version the editor loaded (null: it loaded none)
   * @throws ModelConflictException when the draft is no longer at that version
   */
  public ModelDraft save(ModelRef ref, String content, String comment, Integer base) {
    String author = ModelPublisher.currentUser();
    boolean saved =
        base == null
            ? drafts.insert(ref, content, author, clock.instant(), comment)
            : drafts.update(ref, base, content, author, clock.instant(), comment);
    if (!saved) {
      throw new ModelConflictException(
          ref, drafts.find(ref).orElse(null), publisher.deployedVersion(ref));
    }
    return drafts.find(ref).orElseThrow();
  }

  /** Drops the draft of the given version. */
  public void discard(ModelRef ref, int version) {
    ModelDraft draft = drafts.find(ref).orElse(null);
    if (draft == null || draft.version() != version) {
      throw new ModelConflictException(ref, draft, publisher.deployedVersion(ref));
    }
    drafts.delete(ref);
  }
}
