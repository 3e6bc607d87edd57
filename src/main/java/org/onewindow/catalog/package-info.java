/**
 * The standard list of service items (the same item, the same standard in every county): each
 * item's versions and service guide (materials, form questions, time limits, fees, channels),
 * the local implementations of cities and counties, life-event bundles ("one thing, done once")
 * and the search in plain words, in Chinese and English.
 *
 * <p>The base package is the API: {@link org.onewindow.catalog.CatalogService} (published items
 * and bundles served from memory, search, drafting and publishing), the value records of an item
 * and of a search ({@link org.onewindow.catalog.SearchQuery}), and the events
 * {@link org.onewindow.catalog.ItemPublished}, {@link org.onewindow.catalog.ItemRetired},
 * {@link org.onewindow.catalog.LocalImplementationPublished} and
 * {@link org.onewindow.catalog.BundlePublished}. Internal: {@code model} (the rules of a standard,
 * {@code StandardPolicy}), {@code search} (the Lucene index), {@code persistence}, {@code web} (the
 * portal, /admin/catalog, /api/v1/catalog) and {@code demo}. It owns the tables service_item,
 * local_implementation and life_event_bundle.
 */
package org.onewindow.catalog;
