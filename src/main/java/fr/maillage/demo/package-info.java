/**
 * Demo data: fills the directory with realistic synthetic structures (French associations,
 * local authorities, companies, schools, hospitals... in real communes, acting in the
 * countries and on the themes French cooperation actors really work on), from a few hundred
 * for a demo to 100,000 for the benchmark. Never loaded unless asked:
 * {@code maillage.demo.structures=N} (environment {@code MAILLAGE_DEMO_STRUCTURES}), with
 * {@code maillage.demo.seed} for reproducibility. Demo rows are marked with
 * {@code created_by = -1} ({@link fr.maillage.demo.DemoData#DEMO_CREATOR}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package fr.maillage.demo;
