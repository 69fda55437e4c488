package fr.maillage.shared.text;

import java.util.List;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Markdown typed by members, rendered to HTML that is safe to show: raw HTML is escaped by
 * the renderer, and the result goes through the OWASP sanitizer (links get
 * {@code rel="nofollow noopener"}, no scripts, no styles, no images from elsewhere).
 */
@Component
public class Markdown {

    private static final int MAX_LENGTH = 50_000;

    private final Parser parser = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(List.of(AutolinkExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private final TextContentRenderer textRenderer = TextContentRenderer.builder().build();
    private final PolicyFactory policy = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a", "ul", "ol", "li", "pre", "code", "hr", "br")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener")
                    .toFactory());

    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String source = markdown.length() > MAX_LENGTH ? markdown.substring(0, MAX_LENGTH) : markdown;
        return policy.sanitize(renderer.render(parser.parse(source)));
    }

    /** Plain text of the Markdown, for descriptions in meta tags and search snippets. */
    public String toPlainText(String markdown, int maxLength) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String source = markdown.length() > MAX_LENGTH ? markdown.substring(0, MAX_LENGTH) : markdown;
        String text = textRenderer.render(parser.parse(source)).replaceAll("<[^>]*>", " ").replaceAll("(?m)^\\s*[-*•]\\s+", "").replaceAll("\\s+", " ").trim();
        return text.length() <= maxLength ? text : text.substring(0, Math.max(0, maxLength - 1)).trim() + "…";
    }
}
