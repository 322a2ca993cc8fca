package dev.recoup.workbench;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Workbench settings ({@code recoup.workbench.*}): the queue's page size, the SMS template the
 * case page's SMS button sends, and the talk tracks — what to say to the common objections, in
 * zh-CN and en.
 */
@ConfigurationProperties("recoup.workbench")
public record WorkbenchProperties(Integer queuePageSize, String smsTemplate, List<TalkTrack> talkTracks) {

    public WorkbenchProperties {
        queuePageSize = queuePageSize == null || queuePageSize < 1 ? 50 : Math.min(queuePageSize, 200);
        smsTemplate = smsTemplate == null || smsTemplate.isBlank() ? "sms.reminder" : smsTemplate.strip();
        talkTracks = talkTracks == null ? List.of() : List.copyOf(talkTracks);
    }

    /**
     * @param objection what the customer says, e.g. 明天处理 / "I'll deal with it tomorrow"
     * @param answer    what the agent may answer
     */
    public record TalkTrack(String code, String objectionZh, String objectionEn, String answerZh, String answerEn) {

        public String objection(boolean chinese) {
            return chinese || objectionEn == null ? objectionZh : objectionEn;
        }

        public String answer(boolean chinese) {
            return chinese || answerEn == null ? answerZh : answerEn;
        }
    }
}
