package org.savingsledger.web.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
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

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version("govuk-frontend");
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
    }
}
