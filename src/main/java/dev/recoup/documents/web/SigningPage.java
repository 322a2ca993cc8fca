package dev.recoup.documents.web;

import dev.recoup.documents.CaseDocument;
import dev.recoup.documents.persistence.SigningLinks;
import dev.recoup.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's signing page, reached without an account through a one-time link: it shows the
 * document, and the customer signs by typing their name. The address the request came from is
 * recorded as the signer's IP (behind a proxy, configure {@code server.forward-headers-strategy}).
 */
@Controller
class SigningPage {

    private final SigningLinks links;

    SigningPage(SigningLinks links) {
        this.links = links;
    }

    @GetMapping("/sign/{token}")
    String show(@PathVariable String token, Model model) {
        SigningLinks.OpenLink link = links.open(token);
        model.addAttribute("document", link.document());
        model.addAttribute("expiresAt", link.expiresAt());
        model.addAttribute("token", token);
        return "sign";
    }

    @GetMapping("/sign/{token}/document.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token) {
        byte[] content = links.content(token);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("document.pdf").build().toString())
                .body(content);
    }

    @PostMapping("/sign/{token}")
    String sign(@PathVariable String token, @RequestParam(required = false) String signerName, @RequestParam(required = false) String agree,
                HttpServletRequest request, Model model) {
        if (agree == null) {
            SigningLinks.OpenLink link = links.open(token);
            model.addAttribute("document", link.document());
            model.addAttribute("expiresAt", link.expiresAt());
            model.addAttribute("token", token);
            model.addAttribute("error", "sign.mustAgree");
            return "sign";
        }
        try {
            CaseDocument signed = links.sign(token, signerName, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
            model.addAttribute("document", signed);
            return "signed";
        } catch (InvalidInputException e) {
            SigningLinks.OpenLink link = links.open(token);
            model.addAttribute("document", link.document());
            model.addAttribute("expiresAt", link.expiresAt());
            model.addAttribute("token", token);
            model.addAttribute("errorText", e.getMessage());
            return "sign";
        }
    }

    @ExceptionHandler
    String unusable(SigningLinks.LinkNotUsableException e, Model model, HttpServletResponse response) {
        response.setStatus(e.why() == SigningLinks.Dead.UNKNOWN ? 404 : 410);
        model.addAttribute("why", e.why().name());
        return "sign-unusable";
    }
}
