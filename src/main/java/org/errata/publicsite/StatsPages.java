package org.errata.publicsite;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * {@code /stats}: the public statistics, with each chart drawn as SVG on the server by JFreeChart
 * and JFreeSVG (so it works without JavaScript), shown as an image, and every number also in a
 * table for screen readers. The chart images carry their own policy: styles inside the SVG, no
 * scripts, nothing loaded from elsewhere.
 */
@Path("/stats")
@PermitAll
public class StatsPages {

  static final String SVG = "image/svg+xml; charset=utf-8";
  static final String CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

  @Inject Stats stats;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance stats(Stats.Figures figures);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance page() {
    return Templates.stats(stats.figures());
  }

  @GET
  @Path("{chart: [a-z-]{1,20}}.svg")
  public Response chart(@RestPath String chart) {
    Stats.Figures f = stats.figures();
    String svg =
        switch (chart) {
          case "per-month" ->
              svg(bars("Corrections published per month", "Month", f.perMonth(), false), 900, 360);
          case "by-site" ->
              svg(bars("Corrections by publication", "Publication", f.bySite(), true), 900, 420);
          case "by-verdict" ->
              svg(bars("Corrections by verdict", "Verdict", f.byVerdict(), true), 900, 360);
          case "quotes" ->
              svg(
                  bars(
                      "Quotes in live corrections",
                      "How each quote was accepted",
                      List.of(
                          new Stats.Count("Confirmed by the automatic check", f.quotesConfirmed()),
                          new Stats.Count(
                              "Approved by a reviewer's override", f.quotesByOverride()),
                          new Stats.Count("Offline sources", f.quotesOffline())),
                      true),
                  900,
                  260);
          default -> null;
        };
    if (svg == null) {
      return PlainAnswers.plain(404, "There is no chart called " + chart + ".\n");
    }
    Response answer = Conditional.answer(Conditional.utf8(svg), f.counted(), SVG);
    return Response.fromResponse(answer).header("Content-Security-Policy", CHART_POLICY).build();
  }

  /** A bar chart of {@code counts}, in the site's colours, horizontal when labels are long. */
  static JFreeChart bars(String title, String axis, List<Stats.Count> counts, boolean horizontal) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Stats.Count c : counts) {
      data.addValue(c.count(), "Corrections", c.label());
    }
    CategoryAxis categories = new CategoryAxis(axis);
    NumberAxis values = new NumberAxis("Number");
    values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x31, 0x55, 0x6f));
    renderer.setMaximumBarWidth(0.08);
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    plot.setOutlineVisible(false);
    if (!horizontal) {
      categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    Font font = new Font("SansSerif", Font.PLAIN, 12);
    categories.setTickLabelFont(font);
    values.setTickLabelFont(font);
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGDocument();
  }
}
