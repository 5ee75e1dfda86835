"""Incremental analysis: the per-article step, its stored results, and corpus linking.

    analyse_article(article, nlp, settings) -> ArticleAnalysis   # pure, per article
    link_corpus(store, settings=...)                             # from stored results only

`eventline.analyse.analyse` and `relink` put them together over a store."""
