package dev.recoup.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/** What the pages' form posts share: a change, then back to the page with its outcome as a flash message. */
public final class PageActions {

    private PageActions() {
    }

    /**
     * Runs {@code change}; on success flashes {@code done} (a message key), on a refused change flashes the reason as
     * {@code error} (bad input names its field) — the page shows either after the redirect.
     */
    public static void attempt(RedirectAttributes redirect, String done, Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("done", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (ConflictException | NotFoundException | ForbiddenException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }
}
