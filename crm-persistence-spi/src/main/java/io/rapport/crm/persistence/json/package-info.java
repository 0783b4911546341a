/**
 * JSON for every Rapport type: {@link io.rapport.crm.persistence.json.JsonCodec}, its Jackson
 * module, and {@link io.rapport.crm.persistence.json.CodecException}. See docs/json.md.
 */
package io.rapport.crm.persistence.json;
