/**
 * Searches the knowledge base with an in-memory Lucene index: relevance ranking (BM25) over
 * titles, bodies and tags, analysis that handles Chinese, Japanese and Korean as well as English
 * text, and article suggestions for a ticket from its text.
 *
 * <p>See docs/guides/knowledge.md.
 */
package io.rapport.crm.search.lucene;
