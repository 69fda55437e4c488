package fr.maillage.agenda.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.accounts.MySpaceSection;
import fr.maillage.agenda.PersonRegistration;
import fr.maillage.agenda.Registrations;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Mes inscriptions" in "Mon espace": the person's registrations to come (with their status) and the past ones. */
@Configuration(proxyBeanMethods = false)
class RegistrationSections {

    @Bean
    MySpaceSection myRegistrationsSection(Registrations registrations, MessageSource messages) {
        return new MySpaceSection() {
            @Override
            public String id() {
                return "mes-inscriptions";
            }

            @Override
            public String title(Locale locale) {
                return messages.getMessage("agenda.reg.myspace.title", null, locale);
            }

            @Override
            public String fragment() {
                return "agenda/my-registrations :: section";
            }

            @Override
            public Map<String, Object> model(CurrentPerson me) {
                Instant now = Instant.now();
                List<PersonRegistration> all = registrations.ofPerson(me.personId());
                return Map.of("upcoming", all.stream().filter(r -> !r.endsAt().isBefore(now)).toList(),
                        "past", all.stream().filter(r -> r.endsAt().isBefore(now)).toList());
            }

            @Override
            public int order() {
                return 30;
            }
        };
    }
}
