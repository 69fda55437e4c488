package fr.maillage.shared.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Analyzers shared by every indexed entity. {@code french}: elision ("l'eau"), case and
 * accents folded ("musee" finds "Musée"), light French stemming. {@code name}: the same
 * without stemming, for names matched with typo tolerance. {@code sort}: a normalizer for
 * sorting and exact keyword matching that ignores case and accents.
 */
public class FrenchAnalysisConfigurer implements LuceneAnalysisConfigurer {

    public static final String FRENCH = "french";
    public static final String NAME = "name";
    public static final String SORT = "sort";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(FRENCH).custom()
                .tokenizer("standard")
                .tokenFilter("elision").param("ignoreCase", "true")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("frenchLightStem");
        context.analyzer(NAME).custom()
                .tokenizer("standard")
                .tokenFilter("elision").param("ignoreCase", "true")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
        context.normalizer(SORT).custom()
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }
}
