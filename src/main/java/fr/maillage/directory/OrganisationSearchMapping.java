package fr.maillage.directory;

import java.util.LinkedHashSet;
import java.util.Set;

import fr.maillage.reference.RefList;
import fr.maillage.reference.Reference;
import fr.maillage.shared.search.FrenchAnalysisConfigurer;
import fr.maillage.shared.text.Markdown;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.environment.bean.BeanHolder;
import org.hibernate.search.engine.environment.bean.BeanReference;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * The search mapping of {@link Organisation}, declared here rather than with annotations on the
 * entity. Only what the directory's search, facets, sorts and list projections need is
 * indexed; list pages are served from stored (projectable) fields, without touching the
 * database. Declared in {@code application.yaml} ({@code hibernate.search.mapping.configurer}).
 */
public class OrganisationSearchMapping implements HibernateOrmSearchMappingConfigurer {

    static final String INDEX = "organisation";

    // field names, shared with the queries
    static final String NAME = "name";
    static final String NAME_FR = "name_fr";
    static final String NAME_SORT = "name_sort";
    static final String SLUG = "slug";
    static final String ACRONYM = "acronym";
    static final String CITY = "city";
    static final String DESCRIPTION = "description";
    static final String KEYWORDS = "keywords";
    static final String STATUS = "status";
    static final String TYPE = "type";
    static final String COLLEGE = "college";
    static final String DEPARTEMENT = "departement";
    static final String REGION = "region";
    static final String MEMBER = "member";
    static final String SDG = "sdg";
    static final String THEME = "theme";
    static final String COUNTRY = "country";
    static final String COUNTRY_TEXT = "country_text";
    static final String THEME_TEXT = "theme_text";
    static final String PLACE_TEXT = "place_text";
    static final String SUMMARY = "summary";
    static final String LOGO = "logo";
    static final String UPDATED_AT = "updated_at";
    // what the projects module reports (see Directory.recordProjectActivity)
    static final String PROJECTS = "projects";
    static final String HAS_PROJECTS = "has_projects";
    static final String PROJECT_COUNTRY = "project_country";
    static final String PROJECT_THEME = "project_theme";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        TypeMappingStep type = context.programmaticMapping().type(Organisation.class);
        type.indexed().index(INDEX);
        type.property("name")
                .fullTextField(NAME).analyzer(FrenchAnalysisConfigurer.NAME).projectable(Projectable.YES)
                .fullTextField(NAME_FR).analyzer(FrenchAnalysisConfigurer.FRENCH)
                .keywordField(NAME_SORT).normalizer(FrenchAnalysisConfigurer.SORT).sortable(Sortable.YES);
        type.property("slug").keywordField(SLUG).projectable(Projectable.YES);
        type.property("acronym").fullTextField(ACRONYM).analyzer(FrenchAnalysisConfigurer.NAME).projectable(Projectable.YES);
        type.property("city").fullTextField(CITY).analyzer(FrenchAnalysisConfigurer.NAME).projectable(Projectable.YES);
        type.property("description").fullTextField(DESCRIPTION).analyzer(FrenchAnalysisConfigurer.FRENCH);
        type.property("keywords").fullTextField(KEYWORDS).analyzer(FrenchAnalysisConfigurer.FRENCH);
        type.property("status").keywordField(STATUS);
        type.property("structureType").keywordField(TYPE).aggregable(Aggregable.YES).projectable(Projectable.YES);
        type.property("college").keywordField(COLLEGE).aggregable(Aggregable.YES).projectable(Projectable.YES);
        type.property("departement").keywordField(DEPARTEMENT).aggregable(Aggregable.YES).projectable(Projectable.YES);
        type.property("region").keywordField(REGION).aggregable(Aggregable.YES).projectable(Projectable.YES);
        type.property("member").genericField(MEMBER).aggregable(Aggregable.YES).projectable(Projectable.YES);
        type.property("themes").keywordField(THEME).aggregable(Aggregable.YES).projectable(Projectable.YES);
        type.property("logoKey").keywordField(LOGO).projectable(Projectable.YES).searchable(Searchable.NO);
        type.property("updatedAt").genericField(UPDATED_AT).sortable(Sortable.YES).projectable(Projectable.YES);
        type.property("publishedProjects").genericField(PROJECTS).projectable(Projectable.YES).sortable(Sortable.YES);
        // derived values: codes as keywords, and labels (French and English) as text
        type.binder(new DerivedFieldsBinder());
    }

    /**
     * Country codes (keyword, aggregable), SDG numbers as keywords, the French and English
     * names of the countries and themes (so "cote d ivoire" or "water" find a structure),
     * the places inside countries, and a plain-text summary of the description for lists.
     */
    static final class DerivedFieldsBinder implements TypeBinder {

        @Override
        public void bind(TypeBindingContext context) {
            context.dependencies()
                    .use("countries.countryCode")
                    .use("countries.place")
                    .use("themes")
                    .use("sdgs")
                    .use("description")
                    .use("publishedProjects")
                    .use("projectCountries")
                    .use("projectThemes");
            var f = context.typeFactory();
            var schema = context.indexSchemaElement();
            IndexFieldReference<String> country = schema.field(COUNTRY, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES))
                    .multiValued().toReference();
            IndexFieldReference<String> sdg = schema.field(SDG, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES))
                    .multiValued().toReference();
            IndexFieldReference<String> countryText = schema.field(COUNTRY_TEXT, f.asString().analyzer(FrenchAnalysisConfigurer.FRENCH))
                    .multiValued().toReference();
            IndexFieldReference<String> themeText = schema.field(THEME_TEXT, f.asString().analyzer(FrenchAnalysisConfigurer.FRENCH))
                    .multiValued().toReference();
            IndexFieldReference<String> placeText = schema.field(PLACE_TEXT, f.asString().analyzer(FrenchAnalysisConfigurer.FRENCH))
                    .multiValued().toReference();
            IndexFieldReference<String> summary = schema.field(SUMMARY, f.asString().projectable(Projectable.YES).searchable(Searchable.NO))
                    .toReference();
            IndexFieldReference<Boolean> hasProjects = schema.field(HAS_PROJECTS, f.asBoolean().aggregable(Aggregable.YES))
                    .toReference();
            IndexFieldReference<String> projectCountry = schema.field(PROJECT_COUNTRY, f.asString().aggregable(Aggregable.YES))
                    .multiValued().toReference();
            IndexFieldReference<String> projectTheme = schema.field(PROJECT_THEME, f.asString().aggregable(Aggregable.YES))
                    .multiValued().toReference();
            BeanHolder<Reference> reference = context.beanResolver().resolve(BeanReference.of(Reference.class));
            BeanHolder<Markdown> markdown = context.beanResolver().resolve(BeanReference.of(Markdown.class));
            context.bridge(Organisation.class, new DerivedFieldsBridge(reference, markdown,
                    country, sdg, countryText, themeText, placeText, summary, hasProjects, projectCountry, projectTheme));
        }
    }

    record DerivedFieldsBridge(BeanHolder<Reference> reference, BeanHolder<Markdown> markdown,
            IndexFieldReference<String> country, IndexFieldReference<String> sdg,
            IndexFieldReference<String> countryText, IndexFieldReference<String> themeText,
            IndexFieldReference<String> placeText, IndexFieldReference<String> summary,
            IndexFieldReference<Boolean> hasProjects, IndexFieldReference<String> projectCountry,
            IndexFieldReference<String> projectTheme) implements TypeBridge<Organisation> {

        static final int SUMMARY_LENGTH = 220;

        @Override
        public void write(DocumentElement target, Organisation o, TypeBridgeWriteContext context) {
            Reference ref = reference.get();
            Set<String> codes = new LinkedHashSet<>();
            for (CountryPlace place : o.countries) {
                if (place.getCountryCode() != null && codes.add(place.getCountryCode())) {
                    target.addValue(country, place.getCountryCode());
                    ref.find(RefList.COUNTRIES, place.getCountryCode()).ifPresent(item -> {
                        target.addValue(countryText, item.labelFr());
                        target.addValue(countryText, item.labelEn());
                    });
                }
                if (place.getPlace() != null && !place.getPlace().isBlank()) {
                    target.addValue(placeText, place.getPlace());
                }
            }
            for (String theme : o.themes) {
                ref.find(RefList.THEMES, theme).ifPresent(item -> {
                    target.addValue(themeText, item.labelFr());
                    target.addValue(themeText, item.labelEn());
                });
            }
            for (Short goal : o.sdgs) {
                if (goal != null) {
                    target.addValue(sdg, goal.toString());
                }
            }
            target.addValue(summary, markdown.get().toPlainText(o.description, SUMMARY_LENGTH));
            target.addValue(hasProjects, o.publishedProjects > 0);
            if (o.projectCountries != null) {
                for (String code : o.projectCountries) {
                    target.addValue(projectCountry, code);
                }
            }
            if (o.projectThemes != null) {
                for (String code : o.projectThemes) {
                    target.addValue(projectTheme, code);
                }
            }
        }

        @Override
        public void close() {
            reference.close();
            markdown.close();
        }
    }
}
