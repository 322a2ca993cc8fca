package dev.recoup.contact.templates;

import java.time.OffsetDateTime;
import java.util.List;

/** A template with its current version in full and the list of all its versions. */
public record TemplateDetail(TemplateSummary template, TemplateVersion current, List<VersionEntry> versions) {

    /** A version in the history list. */
    public record VersionEntry(int version, long versionId, String note, String createdBy, OffsetDateTime createdAt) {
    }
}
