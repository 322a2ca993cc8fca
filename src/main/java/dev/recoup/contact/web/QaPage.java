package dev.recoup.contact.web;

import dev.recoup.contact.persistence.TranscriptQa;
import dev.recoup.shared.BusinessClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The compliance review queue of transcript findings (R12), each passage highlighted in its context. */
@Controller
class QaPage {

    private final TranscriptQa qa;
    private final BusinessClock clock;

    QaPage(TranscriptQa qa, BusinessClock clock) {
        this.qa = qa;
        this.clock = clock;
    }

    @GetMapping("/qa")
    String queue(Model model) {
        model.addAttribute("reviews", qa.reviews(true, 500));
        model.addAttribute("zone", clock.zone());
        return "qa";
    }
}
