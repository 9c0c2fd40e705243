/**
 * The enablement catalogue: courses in versions (modules with Markdown bodies and files, a closing
 * quiz), certifications with their exam banks, and the import of seed content.
 *
 * <p>{@link io.partnerflow.app.enablement.catalogue.CatalogueService} is the read side every other
 * enablement package uses; {@link io.partnerflow.app.enablement.catalogue.CatalogueEditing} is the
 * write side for the enablement team. A published course version is never changed: editing a
 * published course opens the next draft version, and people keep the version they started.
 */
package io.partnerflow.app.enablement.catalogue;
