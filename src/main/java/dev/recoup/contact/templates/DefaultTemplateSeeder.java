package dev.recoup.contact.templates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start, puts in the default templates (zh-CN + en, every kind and channel) whose codes are missing. */
@Component
@Order(0)
class DefaultTemplateSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultTemplateSeeder.class);

    private final MessageTemplates templates;
    private final boolean enabled;

    DefaultTemplateSeeder(MessageTemplates templates, @Value("${recoup.channels.templates.seed-defaults:true}") boolean enabled) {
        this.templates = templates;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            int added = templates.seedDefaults();
            if (added > 0) {
                log.info("Message templates: {} default templates added (zh-CN and en)", added);
            }
        }
    }
}
