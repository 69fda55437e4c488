/**
 * Projects of the directory's structures, decentralised-cooperation partnerships of local
 * authorities, the e-APD helper, IATI import and export, and the "who does what, where" views.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects")
package fr.maillage.projects;
