package org.savingsledger.query.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' own script and styles (drawing the charts, the scrolling tables) under {@code /assets/js/} and
 * {@code /assets/css/}: more specific than the {@code /assets/**} of GOV.UK Frontend's fonts and images, which
 * has neither folder, and loaded without signing in like them.
 */
@Configuration(proxyBeanMethods = false)
class ChartResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/js/**").addResourceLocations("classpath:/static/assets/js/");
        registry.addResourceHandler("/assets/css/**").addResourceLocations("classpath:/static/assets/css/");
    }
}
