package org.savingsledger.query.ui;

import org.savingsledger.query.web.ReadYourWrites;
import org.savingsledger.web.pages.PageSecurity;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The query side's pages in the frame, sign-in and style every side's pages share ({@link PageSecurity}), each
 * page waiting for the command a form has just sent before it reads ({@link PageConsistency}).
 */
@Configuration(proxyBeanMethods = false)
@Import(PageSecurity.class)
class QueryPages implements WebMvcConfigurer {

    private final ReadYourWrites readYourWrites;

    QueryPages(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageConsistency(readYourWrites)).addPathPatterns("/", "/ui/**");
    }
}
