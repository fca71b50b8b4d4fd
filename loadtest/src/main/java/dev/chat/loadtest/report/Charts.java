package dev.chat.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.chat.loadtest.run.SecondPoint;
import dev.chat.loadtest.run.StageWindow;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's PNGs, both stores on one chart, time in seconds since the first measured stage, stage
 * boundaries marked: requests per second (all, and reads/writes), and p95 latency per operation (log scale).
 */
final class Charts {

    private static final Color SQL = new Color(0x1f, 0x77, 0xb4);
    private static final Color REDIS = new Color(0xd6, 0x27, 0x28);
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    static void rps(StoreRun sql, StoreRun redis, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (StoreRun run : new StoreRun[] {sql, redis}) {
            if (run == null) {
                continue;
            }
            Color color = run == sql ? SQL : REDIS;
            i = add(data, lines, i, series(run, label(run) + " all", null), color, 2.2f, null);
            i = add(data, lines, i, series(run, label(run) + " reads", StoreRun.READ), color, 1.2f, new float[] {6, 4});
            i = add(data, lines, i, series(run, label(run) + " writes", StoreRun.SEND), color, 1.2f, new float[] {2, 3});
        }
        NumberAxis y = new NumberAxis("requests per second");
        save(file, "Requests per second (all = reads + writes)", data, lines, y, stages(sql, redis));
    }

    static void p95(StoreRun sql, StoreRun redis, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (StoreRun run : new StoreRun[] {sql, redis}) {
            if (run == null) {
                continue;
            }
            Color color = run == sql ? SQL : REDIS;
            i = add(data, lines, i, p95(run, StoreRun.READ, label(run) + " read p95"), color, 2.0f, null);
            i = add(data, lines, i, p95(run, StoreRun.SEND, label(run) + " send p95"), color, 1.4f, new float[] {6, 4});
        }
        LogAxis y = new LogAxis("p95 latency, ms (log scale)");
        y.setBase(2); // a labelled tick at every doubling: 1, 2, 4, ... 1024 ms
        y.setSmallestValue(1);
        y.setTickUnit(new NumberTickUnit(1));
        y.setNumberFormatOverride(new DecimalFormat("#,##0"));
        save(file, "95th percentile latency per second, successful requests", data, lines, y, stages(sql, redis));
    }

    private static String label(StoreRun run) {
        return run.store.equals("postgres") ? "SQL" : "Redis";
    }

    private static List<StageWindow> stages(StoreRun sql, StoreRun redis) {
        return (sql != null ? sql : redis).stages();
    }

    private static XYSeries series(StoreRun run, String name, String op) {
        List<SecondPoint> any = run.results.series().values().iterator().next();
        XYSeries s = new XYSeries(name);
        for (int t = 0; t < any.size(); t++) {
            int second = t;
            ToDoubleFunction<String> requests = o -> run.results.series().get(o).get(second).requests();
            s.add(t, op != null ? requests.applyAsDouble(op)
                    : run.results.series().keySet().stream().mapToDouble(requests).sum());
        }
        return s;
    }

    private static XYSeries p95(StoreRun run, String op, String name) {
        XYSeries s = new XYSeries(name);
        for (SecondPoint p : run.results.series().get(op)) {
            if (p.p95() > 0) {
                s.add(p.t(), p.p95());
            }
        }
        return s;
    }

    private static int add(XYSeriesCollection data, XYLineAndShapeRenderer lines, int index, XYSeries series, Color color,
                           float width, float[] dash) {
        data.addSeries(series);
        lines.setSeriesPaint(index, color);
        lines.setSeriesStroke(index, dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dash, 0));
        return index + 1;
    }

    private static void save(Path file, String title, XYSeriesCollection data, XYLineAndShapeRenderer lines,
                             org.jfree.chart.axis.ValueAxis y, List<StageWindow> stages) throws IOException {
        NumberAxis x = new NumberAxis("seconds since the first measured stage (warm-up not shown)");
        XYPlot plot = new XYPlot(data, x, y, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        int origin = stages.get(0).start();
        for (StageWindow stage : stages) {
            ValueMarker marker = new ValueMarker(stage.start() - origin, Color.GRAY, new BasicStroke(1f));
            marker.setLabel(" " + stage.name());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
        }
        JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 16)));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
