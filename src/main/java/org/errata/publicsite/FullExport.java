package org.errata.publicsite;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.errata.account.Account;
import org.errata.correction.Correction;
import org.errata.web.Csv;

/**
 * An admin's full export of every published correction (live and withdrawn), as JSON Lines (one
 * published correction per line, as the public API gives it) or CSV (one row each, for a
 * spreadsheet). On the desk ({@code /editor/admin/exports/…}, signed in) and in the editors' API
 * ({@code /api/exports/…}, a token or password). Streamed in batches by id, so a large archive
 * never sits in memory; CSV cells that a spreadsheet would run as a formula are prefixed with a
 * quote.
 */
@Path("/api/exports")
@RolesAllowed(Account.ADMIN)
public class FullExport {

  static final int BATCH = 500;

  @Inject ObjectMapper json;

  static final List<String> COLUMNS =
      List.of(
          "id",
          "status",
          "published_at",
          "updated_at",
          "withdrawn_at",
          "article_url",
          "article_title",
          "site",
          "passage",
          "summary",
          "verdict",
          "reasoning",
          "sources",
          "withdrawal_reason",
          "public_url");

  /** The same files on the desk, for a signed-in admin. */
  @Path("/editor/admin/exports")
  @RolesAllowed(Account.ADMIN)
  public static class OnTheDesk {

    @Inject FullExport export;

    @GET
    @Path("corrections.jsonl")
    public Response jsonLines() {
      return export.jsonLines();
    }

    @GET
    @Path("corrections.csv")
    public Response csv() {
      return export.csv();
    }
  }

  @GET
  @Path("corrections.jsonl")
  public Response jsonLines() {
    return file(
        "application/jsonl; charset=utf-8",
        "errata-corrections.jsonl",
        (c, out) -> {
          out.write(json.writeValueAsBytes(PublicApi.Published.of(c)));
          out.write('\n');
        },
        null);
  }

  @GET
  @Path("corrections.csv")
  public Response csv() {
    return file(
        "text/csv; charset=utf-8",
        "errata-corrections.csv",
        (c, out) -> out.write(row(c).getBytes(StandardCharsets.UTF_8)),
        String.join(",", COLUMNS) + "\r\n");
  }

  /** Writes one correction. */
  interface Writer {
    void write(Correction c, OutputStream out) throws IOException;
  }

  private Response file(String type, String name, Writer writer, String header) {
    StreamingOutput body =
        out -> {
          if (header != null) {
            out.write(header.getBytes(StandardCharsets.UTF_8));
          }
          long after = 0;
          while (true) {
            long from = after;
            Long last =
                QuarkusTransaction.requiringNew()
                    .call(
                        () -> {
                          List<Correction> batch =
                              Correction.<Correction>find(
                                      "published is not null and id > ?1 order by id", from)
                                  .page(0, BATCH)
                                  .list();
                          for (Correction c : batch) {
                            try {
                              writer.write(c, out);
                            } catch (IOException e) {
                              throw new java.io.UncheckedIOException(e);
                            }
                          }
                          return batch.size() < BATCH ? null : batch.get(batch.size() - 1).id;
                        });
            if (last == null) {
              break;
            }
            after = last;
          }
        };
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  static String row(Correction c) {
    PublicApi.Published p = PublicApi.Published.of(c);
    StringBuilder sources = new StringBuilder();
    for (var s : c.published.sources) {
      if (!sources.isEmpty()) {
        sources.append('\n');
      }
      sources.append(s.title).append(s.url == null ? " (offline)" : " <" + s.url + ">");
    }
    List<String> cells =
        List.of(
            String.valueOf(p.id()),
            p.status(),
            text(p.publishedAt()),
            text(p.updatedAt()),
            text(p.withdrawnAt()),
            p.articleUrl(),
            nullToEmpty(p.articleTitle()),
            nullToEmpty(c.article.site),
            p.passage(),
            p.summary(),
            nullToEmpty(p.verdict()),
            p.reasoning(),
            sources.toString(),
            nullToEmpty(p.withdrawalReason()),
            p.publicUrl());
    StringBuilder line = new StringBuilder();
    for (String cell : cells) {
      if (!line.isEmpty()) {
        line.append(',');
      }
      line.append(Csv.cell(cell));
    }
    return line.append("\r\n").toString();
  }

  private static String text(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
