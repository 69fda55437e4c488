package fr.maillage.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data settings.
 *
 * @param structures how many demo structures the directory should hold; unset (the default):
 *                   no demo structure is ever loaded
 * @param projects   how many demo projects the demo structures should lead; unset (the
 *                   default): no demo project is ever loaded
 * @param events     how many demo events the agenda should hold (from a year ago to eighteen
 *                   months ahead, with the demo training catalogue); unset or 0 (the default):
 *                   no demo event is ever loaded ({@code MAILLAGE_DEMO_EVENTS})
 * @param seed       the seed of the generator: the same seed gives the same structures
 * @param homeRegion the INSEE code of the network's region, where most demo structures are
 *                   located (75 Nouvelle-Aquitaine by default)
 */
@ConfigurationProperties("maillage.demo")
public record DemoProperties(Integer structures, Integer projects, Integer events, Long seed, String homeRegion) {

    public static final long DEFAULT_SEED = 2026L;
    public static final String DEFAULT_HOME_REGION = "75";

    /** Structures only. */
    public DemoProperties(Integer structures, Long seed, String homeRegion) {
        this(structures, null, null, seed, homeRegion);
    }

    /** Structures and projects. */
    public DemoProperties(Integer structures, Integer projects, Long seed, String homeRegion) {
        this(structures, projects, null, seed, homeRegion);
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public DemoProperties {
        if (seed == null) {
            seed = DEFAULT_SEED;
        }
        if (homeRegion == null || homeRegion.isBlank()) {
            homeRegion = DEFAULT_HOME_REGION;
        }
    }
}
