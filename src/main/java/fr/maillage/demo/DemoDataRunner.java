package fr.maillage.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * At startup, and only when {@code maillage.demo.structures} is set, tops the directory up to
 * that many demo structures, then rebuilds the directory's search index when it added some
 * (or when the index is empty, for example after its folder was deleted).
 */
@Component
@ConditionalOnProperty("maillage.demo.structures")
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final DemoData demo;
    private final DemoProperties properties;

    DemoDataRunner(DemoData demo, DemoProperties properties) {
        this.demo = demo;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer target = properties.structures();
        if (target == null || target <= 0) {
            return;
        }
        DemoData.LoadResult result = demo.ensure(target, properties.seed(), properties.homeRegion());
        if (result.inserted() > 0) {
            log.info("Démonstration : {} structures ajoutées en {} ms (il y en avait {}, graine {})",
                    result.inserted(), result.took().toMillis(), result.before(), properties.seed());
        } else {
            log.info("Démonstration : {} structures déjà présentes, rien à ajouter", result.before());
        }
        if (result.inserted() > 0 || demo.directoryIndexIsEmpty()) {
            demo.reindexDirectory();
        }
    }
}
