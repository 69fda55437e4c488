/**
 * Small, open toolbox every module may use: embedded database, search analysis, slugs,
 * paging, htmx helpers, error pages and ProblemDetail, i18n, the site's branding.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.maillage.shared;
