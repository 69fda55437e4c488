package fr.maillage.projects;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import fr.maillage.directory.OrganisationRef;
import fr.maillage.reference.RefItem;
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
 * The search mapping of {@link Project}, declared here rather than with annotations on the
 * entity (declared in {@code application.yaml}, {@code hibernate.search.mapping.configurer}).
 * Every project is indexed, drafts and hidden ones included, with its publication: the public
 * search keeps the published projects of published structures. Lists are served from stored
 * (projectable) fields without touching the database.
 *
 * <p>The document also carries what the directory says of the lead structure (name, type,
 * département, whether it is public) and of partner structures (names). Hibernate Search cannot
 * see those change: {@link ProjectIndexing} reindexes a structure's projects when the directory
 * announces a change.
 */
public class ProjectSearchMapping implements HibernateOrmSearchMappingConfigurer {

    static final String INDEX = "project";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** An ongoing project without an end date counts for the years up to now, and at most this many. */
    static final int MAX_YEARS = 40;

    // field names, shared with the queries
    static final String TITLE = "title";
    static final String TITLE_FR = "title_fr";
    static final String TITLE_SORT = "title_sort";
    static final String SLUG = "slug";
    static final String SUMMARY_TEXT = "summary_text";
    static final String DESCRIPTION = "description";
    static final String PUBLICATION = "publication";
    static final String EXEMPLARY = "exemplary";
    static final String STATUS = "status";
    static final String UPDATED_AT = "updated_at";
    static final String BUDGET = "budget";
    static final String CURRENCY = "currency";
    static final String COUNTRY = "country";
    static final String COUNTRY_TEXT = "country_text";
    static final String PLACE_TEXT = "place_text";
    static final String THEME = "theme";
    static final String THEME_TEXT = "theme_text";
    static final String SDG = "sdg";
    static final String SECTOR = "sector";
    static final String SECTOR_TEXT = "sector_text";
    static final String YEAR = "year";
    static final String FUNDER = "funder";
    static final String PARTNER_TEXT = "partner_text";
    static final String LESSONS = "lessons";
    static final String START = "start";
    static final String END = "end";
    static final String LEAD_SLUG = "lead_slug";
    static final String LEAD_NAME = "lead_name";
    static final String LEAD_TYPE = "lead_type";
    static final String LEAD_DEPARTEMENT = "lead_departement";
    static final String LEAD_PUBLIC = "lead_public";
    static final String SUMMARY = "summary";
    static final String IMAGE = "image";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        TypeMappingStep type = context.programmaticMapping().type(Project.class);
        type.indexed().index(INDEX);
        type.property("title")
                .fullTextField(TITLE).analyzer(FrenchAnalysisConfigurer.NAME).projectable(Projectable.YES)
                .fullTextField(TITLE_FR).analyzer(FrenchAnalysisConfigurer.FRENCH)
                .keywordField(TITLE_SORT).normalizer(FrenchAnalysisConfigurer.SORT).sortable(Sortable.YES);
        type.property("slug").keywordField(SLUG).projectable(Projectable.YES);
        type.property("summary").fullTextField(SUMMARY_TEXT).analyzer(FrenchAnalysisConfigurer.FRENCH);
        type.property("description").fullTextField(DESCRIPTION).analyzer(FrenchAnalysisConfigurer.FRENCH);
        type.property("publication").keywordField(PUBLICATION);
        type.property("exemplary").genericField(EXEMPLARY).aggregable(Aggregable.YES).projectable(Projectable.YES);
        type.property("activityStatus").keywordField(STATUS).aggregable(Aggregable.YES).projectable(Projectable.YES);
        type.property("updatedAt").genericField(UPDATED_AT).sortable(Sortable.YES).projectable(Projectable.YES);
        type.property("totalBudget").scaledNumberField(BUDGET).decimalScale(2).projectable(Projectable.YES);
        type.property("budgetCurrency").keywordField(CURRENCY).projectable(Projectable.YES).searchable(Searchable.NO);
        type.binder(new DerivedFieldsBinder());
    }

    /**
     * Codes (keywords, aggregable) and labels (French and English, as text) of countries,
     * themes, SDGs, DAC sectors; the years the project runs; funders; the lead structure; a
     * plain-text summary and the first photo for lists.
     */
    static final class DerivedFieldsBinder implements TypeBinder {

        @Override
        public void bind(TypeBindingContext context) {
            context.dependencies()
                    .use("organisationId")
                    .use("places.countryCode")
                    .use("places.place")
                    .use("themes")
                    .use("sdgs")
                    .use("sectors.vocabulary")
                    .use("sectors.code")
                    .use("plannedStart")
                    .use("plannedEnd")
                    .use("actualStart")
                    .use("actualEnd")
                    .use("activityStatus")
                    .use("fundings.funderKind")
                    .use("fundings.funderName")
                    .use("fundings.organisationId")
                    .use("partners.name")
                    .use("partners.organisationId")
                    .use("links.kind")
                    .use("links.url")
                    .use("links.fileKey")
                    .use("summary")
                    .use("description")
                    .use("lessonsWorked")
                    .use("lessonsFailed")
                    .use("lessonsAdvice");
            var f = context.typeFactory();
            var schema = context.indexSchemaElement();
            Fields fields = new Fields(
                    schema.field(COUNTRY, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).multiValued().toReference(),
                    schema.field(COUNTRY_TEXT, f.asString().analyzer(FrenchAnalysisConfigurer.FRENCH)).multiValued().toReference(),
                    schema.field(PLACE_TEXT, f.asString().analyzer(FrenchAnalysisConfigurer.FRENCH)).multiValued().toReference(),
                    schema.field(THEME, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).multiValued().toReference(),
                    schema.field(THEME_TEXT, f.asString().analyzer(FrenchAnalysisConfigurer.FRENCH)).multiValued().toReference(),
                    schema.field(SDG, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).multiValued().toReference(),
                    schema.field(SECTOR, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).multiValued().toReference(),
                    schema.field(SECTOR_TEXT, f.asString().analyzer(FrenchAnalysisConfigurer.FRENCH)).multiValued().toReference(),
                    schema.field(YEAR, f.asString().aggregable(Aggregable.YES)).multiValued().toReference(),
                    schema.field(FUNDER, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).multiValued().toReference(),
                    schema.field(PARTNER_TEXT, f.asString().analyzer(FrenchAnalysisConfigurer.NAME)).multiValued().toReference(),
                    schema.field(LESSONS, f.asString().analyzer(FrenchAnalysisConfigurer.FRENCH)).multiValued().toReference(),
                    schema.field(START, f.asLocalDate().sortable(Sortable.YES).projectable(Projectable.YES)).toReference(),
                    schema.field(END, f.asLocalDate().projectable(Projectable.YES)).toReference(),
                    schema.field(LEAD_SLUG, f.asString().projectable(Projectable.YES)).toReference(),
                    schema.field(LEAD_NAME, f.asString().analyzer(FrenchAnalysisConfigurer.NAME).projectable(Projectable.YES)).toReference(),
                    schema.field(LEAD_TYPE, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                    schema.field(LEAD_DEPARTEMENT, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                    schema.field(LEAD_PUBLIC, f.asBoolean()).toReference(),
                    schema.field(SUMMARY, f.asString().projectable(Projectable.YES).searchable(Searchable.NO)).toReference(),
                    schema.field(IMAGE, f.asString().projectable(Projectable.YES).searchable(Searchable.NO)).toReference());
            BeanHolder<Reference> reference = context.beanResolver().resolve(BeanReference.of(Reference.class));
            BeanHolder<Markdown> markdown = context.beanResolver().resolve(BeanReference.of(Markdown.class));
            BeanHolder<LeadStructures> leads = context.beanResolver().resolve(BeanReference.of(LeadStructures.class));
            context.bridge(Project.class, new DerivedFieldsBridge(reference, markdown, leads, fields));
        }
    }

    record Fields(
            IndexFieldReference<String> country, IndexFieldReference<String> countryText, IndexFieldReference<String> placeText,
            IndexFieldReference<String> theme, IndexFieldReference<String> themeText, IndexFieldReference<String> sdg,
            IndexFieldReference<String> sector, IndexFieldReference<String> sectorText, IndexFieldReference<String> year,
            IndexFieldReference<String> funder, IndexFieldReference<String> partnerText, IndexFieldReference<String> lessons,
            IndexFieldReference<LocalDate> start, IndexFieldReference<LocalDate> end,
            IndexFieldReference<String> leadSlug, IndexFieldReference<String> leadName, IndexFieldReference<String> leadType,
            IndexFieldReference<String> leadDepartement, IndexFieldReference<Boolean> leadPublic,
            IndexFieldReference<String> summary, IndexFieldReference<String> image) {
    }

    record DerivedFieldsBridge(BeanHolder<Reference> reference, BeanHolder<Markdown> markdown, BeanHolder<LeadStructures> leads,
            Fields fields) implements TypeBridge<Project> {

        static final int SUMMARY_LENGTH = 240;

        @Override
        public void write(DocumentElement target, Project p, TypeBridgeWriteContext context) {
            Reference ref = reference.get();
            Set<String> countries = new LinkedHashSet<>();
            for (ProjectPlace place : p.places) {
                if (place.countryCode != null && countries.add(place.countryCode)) {
                    target.addValue(fields.country(), place.countryCode);
                    labels(target, fields.countryText(), ref.find(RefList.COUNTRIES, place.countryCode).orElse(null));
                }
                if (place.place != null && !place.place.isBlank()) {
                    target.addValue(fields.placeText(), place.place);
                }
            }
            for (String theme : p.themes) {
                target.addValue(fields.theme(), theme);
                labels(target, fields.themeText(), ref.find(RefList.THEMES, theme).orElse(null));
            }
            for (Short goal : p.sdgs) {
                if (goal != null) {
                    target.addValue(fields.sdg(), goal.toString());
                }
            }
            Set<String> categories = new LinkedHashSet<>();
            for (ProjectSector s : p.sectors) {
                String category = category(ref, s.vocabulary, s.code);
                if (category != null && categories.add(category)) {
                    target.addValue(fields.sector(), category);
                    labels(target, fields.sectorText(), ref.find(RefList.DAC_CATEGORIES, category).orElse(null));
                }
                if ("1".equals(s.vocabulary)) {
                    labels(target, fields.sectorText(), ref.find(RefList.DAC_SECTORS, s.code).orElse(null));
                }
            }
            for (int y : years(p, LocalDate.now(PARIS).getYear())) {
                target.addValue(fields.year(), Integer.toString(y));
            }
            Set<String> funders = new LinkedHashSet<>();
            for (ProjectFunding funding : p.fundings) {
                if (funding.funderKind != null && funders.add(funding.funderKind)) {
                    target.addValue(fields.funder(), funding.funderKind);
                }
                if (funding.funderName != null && !funding.funderName.isBlank()) {
                    target.addValue(fields.partnerText(), funding.funderName);
                }
                leads.get().get(funding.organisationId).ifPresent(o -> target.addValue(fields.partnerText(), o.displayName()));
            }
            for (ProjectPartner partner : p.partners) {
                if (partner.name != null && !partner.name.isBlank()) {
                    target.addValue(fields.partnerText(), partner.name);
                }
                leads.get().get(partner.organisationId).ifPresent(o -> target.addValue(fields.partnerText(), o.displayName()));
            }
            for (String lesson : new String[] {p.lessonsWorked, p.lessonsFailed, p.lessonsAdvice}) {
                if (lesson != null && !lesson.isBlank()) {
                    target.addValue(fields.lessons(), lesson);
                }
            }
            LocalDate start = p.actualStart != null ? p.actualStart : p.plannedStart;
            LocalDate end = p.actualEnd != null ? p.actualEnd : p.plannedEnd;
            if (start != null) {
                target.addValue(fields.start(), start);
            }
            if (end != null) {
                target.addValue(fields.end(), end);
            }
            OrganisationRef lead = leads.get().get(p.organisationId).orElse(null);
            target.addValue(fields.leadPublic(), lead != null && lead.published());
            if (lead != null) {
                target.addValue(fields.leadSlug(), lead.slug());
                target.addValue(fields.leadName(), lead.displayName());
                if (lead.structureType() != null) {
                    target.addValue(fields.leadType(), lead.structureType());
                }
                if (lead.departement() != null) {
                    target.addValue(fields.leadDepartement(), lead.departement());
                }
            }
            String summary = p.summary != null && !p.summary.isBlank() ? p.summary : markdown.get().toPlainText(p.description, SUMMARY_LENGTH);
            if (summary != null && !summary.isBlank()) {
                target.addValue(fields.summary(), summary);
            }
            for (ProjectLink link : p.links) {
                if ("PHOTO".equals(link.kind) && (link.url != null || link.fileKey != null)) {
                    target.addValue(fields.image(), link.fileKey != null ? "/fichiers/" + link.fileKey : link.url);
                    break;
                }
            }
        }

        private static void labels(DocumentElement target, IndexFieldReference<String> field, RefItem item) {
            if (item != null) {
                target.addValue(field, item.labelFr());
                if (!item.labelEn().equals(item.labelFr())) {
                    target.addValue(field, item.labelEn());
                }
            }
        }

        @Override
        public void close() {
            reference.close();
            markdown.close();
            leads.close();
        }
    }

    /** The DAC 3-digit category of a sector: the parent of a DAC 5-digit code (vocabulary 1), the code itself for vocabulary 2. */
    static String category(Reference ref, String vocabulary, String code) {
        if (code == null) {
            return null;
        }
        if ("2".equals(vocabulary)) {
            return ref.exists(RefList.DAC_CATEGORIES, code) ? code : null;
        }
        if ("1".equals(vocabulary) || vocabulary == null || vocabulary.isBlank()) {
            String parent = ref.find(RefList.DAC_SECTORS, code).map(RefItem::parent).filter(c -> !c.isBlank())
                    .orElse(code.length() >= 3 ? code.substring(0, 3) : null);
            return parent != null && ref.exists(RefList.DAC_CATEGORIES, parent) ? parent : null;
        }
        return null;
    }

    /**
     * The years a project runs: from its start to its end (actual dates, else planned). Without
     * an end, a project under way (IATI status 2) or suspended (6) runs until {@code thisYear};
     * one in identification, finalisation, closed or cancelled counts for its start year only.
     * Without a start, the end year only.
     */
    static int[] years(Project p, int thisYear) {
        LocalDate start = p.actualStart != null ? p.actualStart : p.plannedStart;
        LocalDate end = p.actualEnd != null ? p.actualEnd : p.plannedEnd;
        if (start == null && end == null) {
            return new int[0];
        }
        if (start == null) {
            return new int[] {end.getYear()};
        }
        int first = start.getYear();
        int last;
        if (end != null) {
            last = Math.max(first, end.getYear());
        } else if ("2".equals(p.activityStatus) || "6".equals(p.activityStatus)) {
            last = Math.max(first, thisYear);
        } else {
            last = first;
        }
        last = Math.min(last, first + MAX_YEARS - 1);
        int[] out = new int[last - first + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i;
        }
        return out;
    }
}
