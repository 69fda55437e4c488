package fr.maillage.agenda.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import fr.maillage.accounts.AdminDashboardTile;
import fr.maillage.agenda.TrainingModuleSummary;
import fr.maillage.agenda.TrainingModules;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staff dashboard's tile of the training catalogue (the way to {@code /admin/formations}). */
@Configuration(proxyBeanMethods = false)
class TrainingTiles {

    @Bean
    AdminDashboardTile trainingCatalogueTile(TrainingModules trainings, MessageSource messages) {
        return new AdminDashboardTile() {
            @Override
            public Tile render(Locale locale) {
                List<TrainingModuleSummary> modules = trainings.catalogue(null, false, Instant.now());
                long planned = modules.stream().mapToLong(TrainingModuleSummary::upcomingSessions).sum();
                return new Tile(messages.getMessage("agenda.training.tile.title", null, locale), modules.size(),
                        messages.getMessage("agenda.training.tile.text", new Object[] {planned}, locale), "/admin/formations", false);
            }

            @Override
            public int order() {
                return 300;
            }
        };
    }
}
