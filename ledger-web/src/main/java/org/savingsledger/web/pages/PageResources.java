package org.savingsledger.web.pages;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.webjars.WebJarVersionLocator;

/**
 * GOV.UK Frontend's fonts and images: its style sheet names them under {@code /assets/}, so they are served there
 * from its WebJar (its scripts and styles are under {@code /webjars/govuk-frontend/}). Every page's model learns
 * who is signed in, for the frame's header.
 */
@Configuration(proxyBeanMethods = false)
class PageResources implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageFrame()).addPathPatterns("/", "/ui/**", PageSignIn.PAGE);
    }

    /**
     * No rewriting of the pages' links to versioned resource URLs, which they do not use (WebJars are served by
     * their version-free paths): Spring Boot adds the filter that does it whenever a WebJar locator is present, and it
     * resolved every link of a page through the resource handlers, looking each path up on the class path (a tenth of
     * a programme page's time).
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version("govuk-frontend");
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
    }
}
