package org.savingsledger.command;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The command side's beans: every component of this package and below, which is the whole side. Its
 * own deployable ({@link CommandSideApplication}) and the all-in-one import this one class, so both
 * hold the same command-side beans. An application class is an entry point, never a part, so none is
 * picked up; tests' slices filter the rest as they do for {@code @SpringBootApplication}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
public class CommandSide {
}
