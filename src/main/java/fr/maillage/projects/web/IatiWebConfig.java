package fr.maillage.projects.web;

import fr.maillage.directory.Directory;
import fr.maillage.projects.IatiImports;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Registers the IATI upload servlet at {@value IatiUploadServlet#PATH} (see {@link IatiUploadServlet} for why a servlet). */
@Configuration(proxyBeanMethods = false)
class IatiWebConfig {

    @Bean
    ServletRegistrationBean<IatiUploadServlet> iatiUploadServlet(IatiImports imports, Directory directory, LocaleResolver locales) {
        ServletRegistrationBean<IatiUploadServlet> registration = new ServletRegistrationBean<>(
                new IatiUploadServlet(imports, directory, locales), IatiUploadServlet.PATH);
        registration.setName("iatiUpload");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
