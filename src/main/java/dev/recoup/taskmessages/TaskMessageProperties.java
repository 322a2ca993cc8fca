package dev.recoup.taskmessages;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The task messages job ({@code recoup.task-messages.*}). The schedule itself is
 * {@code recoup.task-messages.schedule} (a cron in {@code recoup.time-zone}, "-" for none), read by the
 * job's {@code @Scheduled}.
 *
 * @param batchSize      tasks per transaction
 * @param language       the language messages are written in: zh-CN or en
 * @param senderName     {{senderName}}: who sends (the SMS signature 【…】)
 * @param lenderName     {{lenderName}}: the creditor the debt is owed to
 * @param callBackNumber {{callBackNumber}}: the number debtors call
 * @param paymentMethod  {{paymentMethod}}: how to pay, in the messages' language
 */
@ConfigurationProperties("recoup.task-messages")
public record TaskMessageProperties(Integer batchSize, String language, String senderName, String lenderName, String callBackNumber,
                                    String paymentMethod) {

    public TaskMessageProperties {
        batchSize = batchSize == null ? 1000 : batchSize;
        language = language == null || language.isBlank() ? "zh-CN" : language.strip();
        if (batchSize < 1) {
            throw new IllegalArgumentException("recoup.task-messages.batch-size must be 1 or more, was " + batchSize);
        }
        if (!language.equals("zh-CN") && !language.equals("en")) {
            throw new IllegalArgumentException("recoup.task-messages.language must be zh-CN or en, was " + language);
        }
    }
}
