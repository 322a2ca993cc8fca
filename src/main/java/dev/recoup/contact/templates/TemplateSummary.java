package dev.recoup.contact.templates;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.templates.domain.Audience;
import dev.recoup.contact.templates.domain.TemplateKind;

import java.time.OffsetDateTime;

/** A template in a list: what it is for, its channel, whom it addresses and its latest version. */
public record TemplateSummary(long id, String code, String name, TemplateKind kind, Channel channel, Audience audience, int currentVersion,
                              OffsetDateTime updatedAt) {
}
