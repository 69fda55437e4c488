package fr.maillage.directory.web;

/**
 * The "Prendre contact" form. {@code onBehalfOf} is the id of one of the sender's structures, or
 * blank (on their own behalf); {@code website} is a honeypot field, hidden from people, that
 * robots fill in.
 */
public class ContactStructureForm {

    private String subject = "";
    private String body = "";
    private String onBehalfOf = "";
    private String website = "";

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getOnBehalfOf() {
        return onBehalfOf;
    }

    public void setOnBehalfOf(String onBehalfOf) {
        this.onBehalfOf = onBehalfOf;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    /** False when the hidden field was filled in (a robot). */
    boolean isHuman() {
        return website == null || website.isEmpty();
    }
}
