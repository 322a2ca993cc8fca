package dev.recoup.contact.web;

import dev.recoup.contact.persistence.BestTimes;
import dev.recoup.shared.BusinessClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/** The best-time heatmap (R11): weekday × hour, coloured by the learned rate. */
@Controller
class BestTimePage {

    private final BestTimes bestTimes;
    private final BusinessClock clock;

    BestTimePage(BestTimes bestTimes, BusinessClock clock) {
        this.bestTimes = bestTimes;
        this.clock = clock;
    }

    @GetMapping("/contacts/best-time")
    String show(@RequestParam(required = false) String region, @RequestParam(defaultValue = "rpc") String metric, Model model) {
        boolean rpc = !"connect".equals(metric);
        BestTimes.Heatmap map = bestTimes.heatmap(region == null ? null : region.replaceAll("[^0-9*]", ""), rpc);
        String[][] colours = new String[7][24];
        String[][] labels = new String[7][24];
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                double share = map.max() > 0 ? map.rates()[d][h] / map.max() : 0;
                colours[d][h] = String.format(Locale.ROOT, "background: rgba(11, 95, 255, %.2f); color: %s", 0.08 + 0.85 * share,
                        share > 0.55 ? "#fff" : "#1f2933");
                labels[d][h] = String.format(Locale.ROOT, "%.0f", map.rates()[d][h] * 100);
            }
        }
        model.addAttribute("map", map);
        model.addAttribute("colours", colours);
        model.addAttribute("labels", labels);
        model.addAttribute("regions", bestTimes.regions());
        model.addAttribute("metric", rpc ? "rpc" : "connect");
        model.addAttribute("zone", clock.zone());
        return "best-time";
    }
}
