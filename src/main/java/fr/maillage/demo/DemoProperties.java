package fr.maillage.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data settings.
 *
 * @param structures how many demo structures the directory should hold; unset (the default):
 *                   no demo data is ever loaded
 * @param seed       the seed of the generator: the same seed gives the same structures
 * @param homeRegion the INSEE code of the network's region, where most demo structures are
 *                   located (75 Nouvelle-Aquitaine by default)
 */
@ConfigurationProperties("maillage.demo")
public record DemoProperties(Integer structures, Long seed, String homeRegion) {

    public static final long DEFAULT_SEED = 2026L;
    public static final String DEFAULT_HOME_REGION = "75";

    public DemoProperties {
        if (seed == null) {
            seed = DEFAULT_SEED;
        }
        if (homeRegion == null || homeRegion.isBlank()) {
            homeRegion = DEFAULT_HOME_REGION;
        }
    }
}
