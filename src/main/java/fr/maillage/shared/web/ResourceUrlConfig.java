package fr.maillage.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring Boot turns on the resource chain because the webjars locator is present, and with it
 * a filter that runs every link of every page ({@code @{...}}) through the static resource
 * resolvers, a class-path look-up per link: most of the directory page's time. Maillage
 * versions no static URL (webjar paths are resolved when the file is requested), so the filter
 * is registered switched off.
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrlConfig {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
