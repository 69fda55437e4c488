package fr.maillage.projects.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.maillage.projects.EapdCategory;
import fr.maillage.projects.EapdLineData;
import fr.maillage.projects.EapdWorksheet;

import org.springframework.validation.Errors;

/**
 * The e-APD worksheet form as typed: one line per category (amount as text, comment), and for
 * each project that may count, the line it goes to (empty: not counted).
 */
public class EapdForm {

    private Integer version;
    private List<Line> lines = new ArrayList<>();
    private List<ProjectChoice> projects = new ArrayList<>();

    static EapdForm of(EapdWorksheet w, Locale locale) {
        EapdForm f = new EapdForm();
        f.version = w.version();
        for (EapdWorksheet.Line l : w.lines()) {
            Line line = new Line();
            line.category = l.category().name();
            line.amount = CoopViews.editable(l.amount(), locale);
            line.comment = l.comment();
            f.lines.add(line);
        }
        for (EapdWorksheet.Candidate c : w.candidates()) {
            ProjectChoice p = new ProjectChoice();
            p.projectId = String.valueOf(c.projectId());
            EapdCategory category = w.categoryOf(c.projectId());
            p.category = category == null ? "" : category.name();
            f.projects.add(p);
        }
        return f;
    }

    /** The lines as the facade takes them; amounts that cannot be read are reported in {@code errors}. */
    List<EapdLineData> toLines(Errors errors) {
        List<EapdLineData> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            BigDecimal amount = CoopViews.parseAmount(l.amount);
            if (amount == null) {
                errors.rejectValue("lines[" + i + "].amount", "projects.eapd.error.amount");
            }
            List<Long> ids = new ArrayList<>();
            for (int j = 0; j < projects.size(); j++) {
                ProjectChoice p = projects.get(j);
                if (p.category != null && p.category.equals(l.category)) {
                    try {
                        ids.add(Long.valueOf(p.projectId));
                    } catch (NumberFormatException | NullPointerException e) {
                        errors.rejectValue("projects", "projects.eapd.error.project", new Object[] {String.valueOf(p.projectId)}, null);
                    }
                }
            }
            out.add(new EapdLineData(l.category, amount == null ? BigDecimal.ZERO : amount, l.comment, ids));
        }
        for (ProjectChoice p : projects) {
            if (p.category != null && !p.category.isBlank() && !EapdCategory.isKnown(p.category)) {
                errors.rejectValue("projects", "projects.error.unknown-code", new Object[] {p.category}, null);
            }
        }
        return out;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    public List<ProjectChoice> getProjects() {
        return projects;
    }

    public void setProjects(List<ProjectChoice> projects) {
        this.projects = projects;
    }

    /** A line: its category code, the amount as typed, a comment. */
    public static class Line {
        private String category;
        private String amount;
        private String comment;

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getComment() {
            return comment;
        }

        public void setComment(String comment) {
            this.comment = comment;
        }
    }

    /** A project and the line it counts in (empty: not counted). */
    public static class ProjectChoice {
        private String projectId;
        private String category;

        public String getProjectId() {
            return projectId;
        }

        public void setProjectId(String projectId) {
            this.projectId = projectId;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }
    }
}
