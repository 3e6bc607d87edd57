package org.onewindow.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.LifeEventBundle;
import org.onewindow.catalog.SearchQuery;
import org.onewindow.catalog.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds published service items by what people call them, in Chinese or English: in their own
 * colloquial words, partly or slightly misspelt, narrowed by level, department, audience and
 * channel.
 *
 * <p>The index lives in memory and is rebuilt from the catalog at start-up (the analyzers'
 * dictionaries are loaded in the background from construction on). Searches run
 * concurrently with changes and see each change as a whole, as soon as the change returns.
 */
@Component
public class CatalogSearchIndex implements AutoCloseable {

    // Both orders end with the code: equal scores rank the same on every page, and each hit
    // carries its code, so no stored field has to be read back.
    private static final SortField CODE_ORDER = new SortField(ItemDocument.CODE_ORDER, SortField.Type.STRING);
    private static final Sort BEST_MATCH_FIRST = new Sort(SortField.FIELD_SCORE, CODE_ORDER);
    private static final Sort BY_CODE = new Sort(CODE_ORDER);
    // The page says how many items match in all, so every match is counted, not only the first thousand.
    private static final int COUNT_EVERY_MATCH = Integer.MAX_VALUE;

    private static final Logger log = LoggerFactory.getLogger(CatalogSearchIndex.class);

    private final ColloquialSynonyms synonyms;
    private final TextAnalysis analysis = new TextAnalysis();
    private final PlainWordsQuery plainWords = new PlainWordsQuery(analysis);
    private final LifeEventNames lifeEventNames = new LifeEventNames(analysis);
    private final Directory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    // One change at a time, so a search never sees half of replaceAll: refreshes happen only
    // after a whole change, under this lock.
    private final Object changes = new Object();

    public CatalogSearchIndex(ColloquialSynonyms synonyms) {
        this.synonyms = Objects.requireNonNull(synonyms, "colloquial synonyms");
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analysis.forIndexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory catalog index", e);
        }
        // smartcn's dictionaries (about 0.5 s on a cold JVM) are loaded on a thread of their own
        // while the rest of the application is being built, instead of on the start-up's critical
        // path; an index build or a search that comes first waits for them
        Thread.ofPlatform().name("catalog-analysis-warm-up").daemon(true).start(this::warmUp);
    }

    private void warmUp() {
        try {
            analysis.warmUp();
            plainWords.warmUp();
        } catch (RuntimeException e) {
            // the first real use loads the same dictionaries again and reports what goes wrong
            log.debug("warming up the text analysis failed", e);
        }
    }

    /** Makes the index hold exactly these items, one per code (the last one wins). */
    public void replaceAll(Collection<ServiceItem> published) {
        Map<String, Document> byCode = new LinkedHashMap<>();
        for (ServiceItem item : published) {
            byCode.put(item.code(), ItemDocument.of(item));
        }
        synchronized (changes) {
            try {
                writer.deleteAll();
                writer.addDocuments(byCode.values());
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rebuild the catalog index", e);
            }
        }
    }

    /** Adds the item, or replaces the one with its code. */
    public void put(ServiceItem item) {
        Document document = ItemDocument.of(item);
        synchronized (changes) {
            try {
                writer.updateDocument(new Term(ItemDocument.CODE, item.code()), document);
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot index item " + item.code(), e);
            }
        }
    }

    public void remove(String code) {
        Objects.requireNonNull(code, "item code");
        synchronized (changes) {
            try {
                writer.deleteDocuments(new Term(ItemDocument.CODE, code));
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove item " + code + " from the index", e);
            }
        }
    }

    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog index", e);
        }
    }

    public SearchResult search(SearchQuery query) {
        Objects.requireNonNull(query, "search query");
        Query matching = withFilters(query, query.isBrowsing() ? new MatchAllDocsQuery() : wordsQuery(query.text()));
        Sort order = query.isBrowsing() ? BY_CODE : BEST_MATCH_FIRST;
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return page(searcher, matching, order, query.offset(), query.limit());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the catalog index", e);
        }
    }

    /**
     * The life events among these that the words name (in their order), to be offered before any
     * item on the first page. Filters by level, department or channel are about items: with one
     * of them, there are only items.
     */
    public List<LifeEventBundle> lifeEventsNamed(SearchQuery query, Collection<LifeEventBundle> lifeEvents) {
        if (query.isBrowsing() || query.offset() > 0 || query.level() != null || query.channel() != null
                || (query.department() != null && !query.department().isBlank())) {
            return List.of();
        }
        List<LifeEventBundle> forAudience = lifeEvents.stream()
                .filter(b -> query.audience() == null || b.audience() == null || b.audience().serves(query.audience())).toList();
        String words = TextAnalysis.normalized(firstCharacters(query.text().strip(), SearchQuery.MAX_TEXT_LENGTH));
        return lifeEventNames.named(words, synonyms.officialTermsFor(words), forAudience);
    }

    private Query wordsQuery(String text) {
        String words = TextAnalysis.normalized(firstCharacters(text.strip(), SearchQuery.MAX_TEXT_LENGTH));
        return plainWords.matching(words, synonyms.officialTermsFor(words));
    }

    private static Query withFilters(SearchQuery query, Query matching) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(matching, Occur.MUST);
        if (query.level() != null) {
            filtered.add(new TermQuery(new Term(ItemDocument.LEVEL, query.level().name())), Occur.FILTER);
        }
        if (query.department() != null && !query.department().isBlank()) {
            filtered.add(new TermQuery(new Term(ItemDocument.DEPARTMENT, query.department())), Occur.FILTER);
        }
        if (query.channel() != null) {
            filtered.add(new TermQuery(new Term(ItemDocument.CHANNEL, query.channel().name())), Occur.FILTER);
        }
        if (query.audience() != null) {
            List<BytesRef> served = Arrays.stream(Audience.values())
                    .filter(itemAudience -> itemAudience.serves(query.audience()))
                    .map(itemAudience -> new BytesRef(itemAudience.name()))
                    .toList();
            if (served.size() < Audience.values().length) {
                filtered.add(new TermInSetQuery(ItemDocument.AUDIENCE, served), Occur.FILTER);
            }
        }
        return filtered.build();
    }

    private static SearchResult page(IndexSearcher searcher, Query matching, Sort order, int offset, int limit)
            throws IOException {
        // Never collect more than the index holds, however far a person pages.
        long upToPageEnd = Math.min((long) offset + limit, Math.max(1, searcher.getIndexReader().maxDoc()));
        if (upToPageEnd <= offset) {
            return new SearchResult(List.of(), searcher.count(matching));
        }
        var ranking = new TopFieldCollectorManager(order, (int) upToPageEnd, null, COUNT_EVERY_MATCH);
        TopFieldDocs top;
        if (order == BEST_MATCH_FIRST) {
            // the best score first (cheap: Lucene skips what cannot beat it), then the matches that come near it
            ScoreDoc[] best = searcher.search(matching, 1).scoreDocs;
            if (best.length == 0) {
                return new SearchResult(List.of(), 0);
            }
            top = searcher.search(matching, new StrongMatches(ranking, best[0].score));
        } else {
            top = searcher.search(matching, ranking);
        }
        List<String> codes = new ArrayList<>(limit);
        ScoreDoc[] ranked = top.scoreDocs;
        for (int rank = offset; rank < ranked.length; rank++) {
            codes.add(codeOf((FieldDoc) ranked[rank]));
        }
        return new SearchResult(codes, top.totalHits.value());
    }

    private static String codeOf(FieldDoc hit) {
        return ((BytesRef) hit.fields[hit.fields.length - 1]).utf8ToString();
    }

    private static String firstCharacters(String text, int count) {
        if (text.codePointCount(0, text.length()) <= count) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, count));
    }

    @Override
    public void close() throws IOException {
        synchronized (changes) {
            searchers.close();
            writer.close();
            directory.close();
            analysis.close();
        }
    }
}
