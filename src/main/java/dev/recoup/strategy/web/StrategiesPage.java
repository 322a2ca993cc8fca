package dev.recoup.strategy.web;

import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import dev.recoup.strategy.Experiment;
import dev.recoup.strategy.Experiments;
import dev.recoup.strategy.InvalidStrategyException;
import dev.recoup.strategy.StrategyCatalogue;
import dev.recoup.strategy.StrategyPreview;
import dev.recoup.strategy.StrategySummary;
import dev.recoup.strategy.StrategyVersion;
import dev.recoup.strategy.domain.ConditionError;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.strategy.persistence.DefinitionJson;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The strategies page: strategies and versions, one version's segments and steps, a JSON editor
 * with validation, preview, activation and rollback, diffs, experiments and their reports.
 */
@Controller
class StrategiesPage {

    private final StrategyCatalogue catalogue;
    private final StrategyPreview preview;
    private final Experiments experiments;
    private final DefinitionJson json;

    StrategiesPage(StrategyCatalogue catalogue, StrategyPreview preview, Experiments experiments, DefinitionJson json) {
        this.catalogue = catalogue;
        this.preview = preview;
        this.experiments = experiments;
        this.json = json;
    }

    /** An editor error: where and why (line/column 0 when the problem has no position). */
    record EditorError(String segment, String step, int line, int column, String message, String field) {
    }

    @GetMapping("/strategies")
    String page(@RequestParam(required = false) String strategy, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) Integer diffFrom, @RequestParam(required = false) Integer diffTo,
                @RequestParam(required = false) Long experiment, Authentication user, Model model) {
        populate(model, strategy, version, diffFrom, diffTo, experiment, user);
        return "strategies";
    }

    @PostMapping("/strategies/validate")
    String validate(@RequestParam String definition, @RequestParam(required = false) String strategy,
                    @RequestParam(required = false) Integer version, Authentication user, Model model) {
        populate(model, strategy, version, null, null, null, user);
        model.addAttribute("editorJson", definition);
        parse(definition, model).ifPresent(d -> {
            List<ConditionError> errors = catalogue.validate(d);
            model.addAttribute("editorErrors", errors.stream().map(StrategiesPage::error).toList());
            model.addAttribute("editorValid", errors.isEmpty());
        });
        return "strategies";
    }

    @PostMapping("/strategies/save")
    String save(@RequestParam String definition, @RequestParam(required = false) String strategy, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String newCode, @RequestParam(required = false) String newName,
                @RequestParam(required = false) String note, Authentication user, Model model, RedirectAttributes redirect) {
        var parsed = parse(definition, model);
        if (parsed.isPresent()) {
            try {
                StrategyVersion saved = newCode != null && !newCode.isBlank()
                        ? catalogue.create(newCode.strip(), newName, parsed.get(), note, user.getName())
                        : catalogue.addVersion(strategy, parsed.get(), note, user.getName());
                redirect.addFlashAttribute("message", "saved");
                redirect.addFlashAttribute("messageArg", saved.strategyCode() + " v" + saved.version());
                return "redirect:" + link(saved.strategyCode(), saved.version());
            } catch (InvalidStrategyException e) {
                model.addAttribute("editorErrors", e.errors().stream().map(StrategiesPage::error).toList());
            } catch (InvalidInputException | ConflictException | NotFoundException e) {
                model.addAttribute("editorErrors", List.of(new EditorError(null, null, 0, 0, e.getMessage(), null)));
            }
        }
        populate(model, strategy, version, null, null, null, user);
        model.addAttribute("editorJson", definition);
        return "strategies";
    }

    @PostMapping("/strategies/preview")
    String preview(@RequestParam String strategy, @RequestParam int version, @RequestParam(required = false) String date,
                   Authentication user, Model model) {
        populate(model, strategy, version, null, null, null, user);
        try {
            model.addAttribute("preview", preview.preview(strategy, version, date == null || date.isBlank() ? null : LocalDate.parse(date)));
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("error", "date " + date + ": not a date (yyyy-MM-dd)");
        }
        return "strategies";
    }

    @PostMapping("/strategies/{code}/versions/{version}/activate")
    String activate(@PathVariable String code, @PathVariable int version, Authentication user, RedirectAttributes redirect) {
        try {
            catalogue.activate(code, version, user.getName(), null);
            redirect.addFlashAttribute("message", "activated");
            redirect.addFlashAttribute("messageArg", code + " v" + version);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + link(code, version);
    }

    @PostMapping("/strategies/rollback")
    String rollback(Authentication user, RedirectAttributes redirect) {
        try {
            var done = catalogue.rollback(user.getName(), null);
            redirect.addFlashAttribute("message", "rolledBack");
            redirect.addFlashAttribute("messageArg", done.strategyCode() + " v" + done.version());
            return "redirect:" + link(done.strategyCode(), done.version());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/strategies";
        }
    }

    @PostMapping("/experiments")
    String startExperiment(@RequestParam String name, @RequestParam List<String> armCode, @RequestParam(required = false) List<Long> armVersion,
                           @RequestParam List<Integer> armPercent, Authentication user, RedirectAttributes redirect) {
        List<Experiments.ArmRequest> arms = new ArrayList<>();
        for (int i = 0; i < armCode.size(); i++) {
            if (!armCode.get(i).isBlank()) {
                arms.add(new Experiments.ArmRequest(armCode.get(i).strip(), armVersion != null && i < armVersion.size() ? armVersion.get(i) : null,
                        i < armPercent.size() ? armPercent.get(i) : null));
            }
        }
        try {
            Experiment started = experiments.start(name, null, arms, user.getName());
            return "redirect:/strategies?experiment=" + started.id() + "#experiments";
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/strategies#experiments";
        }
    }

    @PostMapping("/experiments/{id}/stop")
    String stopExperiment(@PathVariable long id, RedirectAttributes redirect) {
        try {
            experiments.stop(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/strategies?experiment=" + id + "#experiments";
    }

    private void populate(Model model, String code, Integer version, Integer diffFrom, Integer diffTo, Long experimentId, Authentication user) {
        List<StrategySummary> strategies = catalogue.list();
        model.addAttribute("fmt", new PageFormats());
        model.addAttribute("strategies", strategies);
        model.addAttribute("manager", user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_MANAGER") || a.getAuthority().equals("ROLE_ADMIN")));
        var active = catalogue.active();
        model.addAttribute("active", active.orElse(null));
        model.addAttribute("activations", catalogue.activations(10));
        // The version shown: the one asked for, else the active one, else the newest of the first strategy.
        StrategyVersion shown = null;
        try {
            if (code != null && version != null) {
                shown = catalogue.version(code, version);
            } else if (code != null) {
                StrategySummary s = catalogue.strategy(code);
                shown = s.versions().isEmpty() ? null : catalogue.version(code, s.versions().getFirst().version());
            } else if (active.isPresent()) {
                shown = active.get();
            } else if (!strategies.isEmpty() && !strategies.getFirst().versions().isEmpty()) {
                shown = catalogue.version(strategies.getFirst().code(), strategies.getFirst().versions().getFirst().version());
            }
        } catch (NotFoundException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("shown", shown);
        if (shown != null) {
            model.addAttribute("shownStrategy", catalogue.strategy(shown.strategyCode()));
            model.addAttribute("editorJson", json.pretty(shown.definition()));
            if (diffFrom != null && diffTo != null) {
                try {
                    var diff = catalogue.diff(shown.strategyCode(), diffFrom, diffTo);
                    model.addAttribute("diff", diff);
                    model.addAttribute("diffText", diff.text());
                    model.addAttribute("diffFrom", diffFrom);
                    model.addAttribute("diffTo", diffTo);
                } catch (NotFoundException e) {
                    model.addAttribute("error", e.getMessage());
                }
            }
        }
        List<StrategyVersion.Summary> allVersions = new ArrayList<>();
        strategies.forEach(s -> allVersions.addAll(s.versions()));
        model.addAttribute("allVersions", allVersions);
        List<Experiment> list = experiments.list();
        model.addAttribute("experiments", list);
        Long reportOf = experimentId != null ? experimentId : list.isEmpty() ? null : list.getFirst().id();
        if (reportOf != null) {
            try {
                model.addAttribute("report", experiments.report(reportOf));
            } catch (NotFoundException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
    }

    private java.util.Optional<StrategyDefinition> parse(String text, Model model) {
        try {
            return java.util.Optional.of(json.read(text));
        } catch (JacksonException e) {
            var at = e.getLocation();
            model.addAttribute("editorErrors", List.of(new EditorError(null, null, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "JSON: " + e.getOriginalMessage(), null)));
            return java.util.Optional.empty();
        }
    }

    private static EditorError error(ConditionError e) {
        return new EditorError(e.segmentCode(), e.stepKey(), e.line(), e.column(), e.message(), e.field());
    }

    private static String link(String code, int version) {
        return UriComponentsBuilder.fromPath("/strategies").queryParam("strategy", code).queryParam("version", version).build().toUriString();
    }

}
