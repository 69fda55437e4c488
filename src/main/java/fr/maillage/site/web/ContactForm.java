package fr.maillage.site.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The contact form. {@code website} is a honeypot field, hidden from people, that robots fill in. */
record ContactForm(
        @NotBlank(message = "{contact.name.required}") @Size(max = 120, message = "{contact.name.size}") String name,
        @NotBlank(message = "{contact.email.required}") @Email(message = "{contact.email.invalid}") @Size(max = 320, message = "{contact.email.invalid}") String email,
        @NotBlank(message = "{contact.subject.required}") @Size(max = 200, message = "{contact.subject.size}") String subject,
        @NotBlank(message = "{contact.message.required}") @Size(max = 5000, message = "{contact.message.size}") String message,
        String website) {

    static ContactForm empty() {
        return new ContactForm("", "", "", "", "");
    }

    /** False when the hidden field was filled in (a robot). Checked by the controller, not shown to people. */
    boolean isHuman() {
        return website == null || website.isEmpty();
    }
}
