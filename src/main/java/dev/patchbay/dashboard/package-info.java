/**
 * The dashboard at {@code /}: server-rendered pages (Thymeleaf, a little plain JavaScript) for people
 * managing their connectors. It holds no rule and no SQL: every read goes through the API's query
 * language and every write through the API's JSON body and service, via each feature's public face,
 * so a page shows exactly what the API would answer, and a 422's field paths land next to the fields.
 *
 * <p>Words: the dashboard's <em>connector</em> is the API's system; its <em>instance</em> is the API's connector.
 */
package dev.patchbay.dashboard;
