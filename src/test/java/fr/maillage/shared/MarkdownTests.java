package fr.maillage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.shared.text.Markdown;
import fr.maillage.shared.text.Slugs;

import org.junit.jupiter.api.Test;

class MarkdownTests {

    final Markdown markdown = new Markdown();

    @Test
    void rendersMarkdownAndNeverLetsHtmlOrScriptsThrough() {
        String html = markdown.toHtml("## Nos actions\n\nAccès à l'**eau** : [site](https://exemple.fr) <script>alert(1)</script> "
                + "[piège](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assertThat(html).contains("<h2>Nos actions</h2>").contains("<strong>eau</strong>")
                .containsPattern("<a href=\"https://exemple.fr\" rel=\"(nofollow noopener|noopener nofollow)\">site</a>")
                .doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<img").doesNotContain("onerror=alert");
    }

    @Test
    void plainTextKeepsWordsHyphensAndApostrophes() {
        assertThat(markdown.toPlainText("Accès à l'**eau potable** à Saint-Louis.\n\n- puits\n- latrines", 200))
                .isEqualTo("Accès à l'eau potable à Saint-Louis. puits latrines");
        assertThat(markdown.toPlainText("Un texte assez long pour être coupé", 12)).isEqualTo("Un texte as…");
        assertThat(markdown.toPlainText(null, 10)).isEmpty();
        assertThat(markdown.toPlainText("Nous **soignons** à Cotonou. <script>alert(1)</script>", 200))
                .isEqualTo("Nous soignons à Cotonou. alert(1)");
    }

    @Test
    void slugsAndFoldingIgnoreCaseAccentsAndPunctuation() {
        assertThat(Slugs.slug("Les Amis du Sénégal !")).isEqualTo("les-amis-du-senegal");
        assertThat(Slugs.fold("Cœur d'Afrique – Côte d'Ivoire")).isEqualTo("coeur d afrique cote d ivoire");
        assertThat(Slugs.slug("!!!")).isEqualTo("structure");
    }
}
