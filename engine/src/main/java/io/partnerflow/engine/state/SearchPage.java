package io.partnerflow.engine.state;

import java.util.List;

/** One page of search results and the number of matches over all pages. */
public record SearchPage<T>(List<T> items, long totalItems) {}
