package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Posts (FTE) per financial year, in year order: the posts a saving plans to reduce in each year,
 * counted like its money (each year's figure is new in that year). A year not present counts as zero;
 * figures are never negative.
 */
public record PostsProfile(SortedMap<FinancialYear, Fte> posts) {

    public static final PostsProfile EMPTY = new PostsProfile(new TreeMap<>());

    public PostsProfile {
        Objects.requireNonNull(posts, "posts are required");
        TreeMap<FinancialYear, Fte> copy = new TreeMap<>();
        posts.forEach((year, fte) -> {
            Objects.requireNonNull(year, "year is required");
            Objects.requireNonNull(fte, "posts for " + year + " are required");
            if (fte.isNegative()) {
                throw new IllegalArgumentException("posts for " + year + " must not be negative");
            }
            copy.put(year, fte);
        });
        posts = Collections.unmodifiableSortedMap(copy);
    }

    @JsonCreator
    public static PostsProfile of(Map<FinancialYear, Fte> posts) {
        return new PostsProfile(posts == null ? null : new TreeMap<>(posts));
    }

    @JsonValue
    @Override
    public SortedMap<FinancialYear, Fte> posts() {
        return posts;
    }

    public Fte in(FinancialYear year) {
        return posts.getOrDefault(year, Fte.ZERO);
    }

    @Override
    public String toString() {
        return posts.toString();
    }
}
